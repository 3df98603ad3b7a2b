// Loaded with `node --require` (NODE_OPTIONS): no socket may connect and no host name may be looked up in this
// process (or in processes it forks, which inherit NODE_OPTIONS). Each attempt throws and is
// recorded in `blocked`, which the caller reports.
const dns = require('node:dns')
const fs = require('node:fs')
const net = require('node:net')

const blocked = []
const refuse = (what) => {
  blocked.push(what)
  // Forked workers report through a shared file (the parent cannot see their `blocked`).
  if (process.env.OFFLINE_GUARD_LOG) fs.appendFileSync(process.env.OFFLINE_GUARD_LOG, `${process.pid} ${what}\n`)
  const error = new Error(`network blocked in tests: ${what}`)
  error.code = 'ENETUNREACH'
  return error
}
const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function connect(...args) {
  const target = args[0]
  // Local IPC (a forked worker's pipe) is not network.
  if (target && typeof target === 'object' && target.path) return originalConnect.apply(this, args)
  if (typeof target === 'string' && !/^\d+$/.test(target)) return originalConnect.apply(this, args)
  throw refuse(`connect ${JSON.stringify(target && target.host ? `${target.host}:${target.port}` : args.slice(0, 2))}`)
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = (host, ...rest) => {
    const callback = rest.find((arg) => typeof arg === 'function')
    const error = refuse(`dns.${name} ${host}`)
    if (callback) process.nextTick(() => callback(error))
    else throw error
  }
}
dns.promises.lookup = async (host) => {
  throw refuse(`dns.promises.lookup ${host}`)
}

module.exports = { blocked }
