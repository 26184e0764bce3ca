// The one function of react-dom/server these tests call. The project has no @types/react-dom
// (Next.js types its own copy internally), and a dependency for one signature is not worth it.
declare module "react-dom/server" {
  import type { ReactNode } from "react";
  export function renderToString(element: ReactNode): string;
}
