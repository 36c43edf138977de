// A file imported as its text (`import page from './page/index.html?raw'`): the build inlines it
// (bin/build.mjs), vitest reads it as Vite does.
declare module '*?raw' {
  const text: string;
  export default text;
}
