// Sets the `dark` class before first paint so pages don't flash: the server renders the user's
// choice into data-theme, and "system" follows prefers-color-scheme (and its changes).
const script = `(() => {
  const root = document.documentElement;
  const apply = () => {
    const theme = root.dataset.theme || "system";
    const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    root.classList.toggle("dark", dark);
  };
  apply();
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", apply);
})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
