/** Built by scripts/firstStack.ts: the default architecture and the files parsed for it, or null. */
declare module 'virtual:first-stack' {
  const data: import('../../scripts/firstStack').FirstStackData | null;
  export default data;
}
