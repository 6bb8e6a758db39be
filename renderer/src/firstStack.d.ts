/** Built by scripts/firstStack.ts: the default architecture and the files parsed for it, or null. */
declare module 'virtual:first-stack' {
  // An ambient module cannot import from a relative path: the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const data: import('../../scripts/firstStack').FirstStackData | null;
  export default data;
}
