// Screen readers in WeChat (VoiceOver, TalkBack) read `aria-role`, `aria-label`, `aria-hidden`…
// on WeChat's components, but Taro's generated templates (base.wxml) only carry the attributes
// Taro knows for each component, so the role and names that the components write for H5 were
// dropped on the way to the mini-program. This plugin does what @tarojs/plugin-inject's
// `components` option does (that package is not published for Taro 4.2.1):
// - build: adds the attributes of src/platform/ariaAttributes.json to Taro's component list
//   before the templates are written, and writes the `role` prop as WeChat's `aria-role`;
// - runtime: injects src/platform/ariaTemplates.ts into app.js, which adds the same attributes
//   to the runtime's copy of the list, so both number the setData keys alike.
// The components keep one source of truth: `role` and `aria-*` props, as on H5.
import path from 'path'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'
import ariaAttributes from '../src/platform/ariaAttributes.json'

type PropNameRewrite = (name: string, value: string, componentName: string, alias: Record<string, string>) => string

const runtimeModule = path.resolve(__dirname, '../src/platform/ariaTemplates.ts')

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TaroPlatformBase & { template?: unknown }) {
      const template = platform.template as unknown as {
        mergeComponents(context: IPluginContext, patch: Record<string, Record<string, string>>): void
        replacePropName: PropNameRewrite
      } | undefined
      // Only mini-program platforms write templates; H5 passes the props to the DOM as they are.
      if (!template) return
      template.mergeComponents(ctx, ariaAttributes)
      const replacePropName = template.replacePropName.bind(template)
      // WeChat names the role `aria-role`; the setData key stays `role`'s, as the runtime sends it.
      template.replacePropName = (name, value, componentName, alias) =>
        name === 'role' ? 'aria-role' : replacePropName(name, value, componentName, alias)
      const current = platform.runtimePath
      platform.runtimePath = [...(Array.isArray(current) ? current : [current]), runtimeModule]
    },
  })
}
