import { View, Text } from '@tarojs/components'

export default function Index() {
  return (
    <View className='index'>
      <Text>健康资讯</Text>
    </View>
  )
}
