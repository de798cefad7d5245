/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:pat-fence-catalog' {
  const catalog: import('./model/content/scenarioCatalog').Catalog;
  export default catalog;
}
