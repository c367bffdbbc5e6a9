// What `npm install` / `npm ci` run once the dependencies are in place.
import path from 'node:path';
import { setAsideUnsafeSsh2Binding } from '../server/connectors/ssh/ssh2-binding.mjs';

const setAside = setAsideUnsafeSsh2Binding();
if (setAside) {
  console.log(
    `porthole: ssh2's native crypto binding, built for Node ${process.version}, aborts the process when it is garbage-collected ` +
      `(nodejs/node#65446); moved it to ${path.relative(process.cwd(), setAside)}: SSH uses node:crypto instead.`,
  );
}
