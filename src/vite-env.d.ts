/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:pat-fence-catalog' {
  const catalog: import('./model/content/scenarioCatalog').Catalog;
  export default catalog;
}

declare module 'virtual:pat-fence-lesson' {
  const content: {
    lesson?: import('./model/content/lesson').Lesson;
    quiz?: import('./model/content/quiz').Quiz;
    errors: string[];
  };
  export default content;
}

declare module 'virtual:pat-fence-landing' {
  const landing: import('./model/content/scenarioCatalog').Catalog;
  export default landing;
}

declare module 'virtual:pat-fence-scenarios' {
  /** Every checked scenario's id and title, in catalog order. */
  export const index: { id: string; title: string }[];
  /** One loader per scenario id: its own chunk. */
  export const loaders: Record<string, () => Promise<import('./model/content/scenario').Scenario>>;
}
