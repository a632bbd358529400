import { join } from 'node:path';
import { MockupTree } from './mockup-tree';
import { parseVbmcArgs } from './vbmc-args';
import { createVbmcServer } from './vbmc-server';

// Mockups ship beside the repo in ../shared/redfish-mockups (from the repo root).
const MOCKUPS_DIR = join(__dirname, '../../../../../shared/redfish-mockups');

async function main(): Promise<void> {
  const args = parseVbmcArgs(process.argv.slice(2));
  const tree = MockupTree.load(args.mockup, MOCKUPS_DIR);
  const server = createVbmcServer(tree);
  const address = await server.listen({ host: args.host, port: args.port });
  process.stdout.write(`vbmc: serving ${tree.size} Redfish resources from ${tree.root} at ${address}/redfish/v1\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`vbmc: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
