/** gas-local 1.3.1 ships no types: `require` runs every .js file under a folder in one vm context. */
declare module 'gas-local' {
  import type { Context } from 'node:vm';
  const gasLocal: {
    require(folder: string, globalObject?: Context, options?: { filter?: (path: string) => boolean }): Context;
  };
  export default gasLocal;
}
