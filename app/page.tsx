export default function HomePage() {
  return (
    <main>
      <h1>Vigil</h1>
      <p>
        Vigil is running. Ping URLs live under <code>/ping/</code>, the management API under{" "}
        <code>/api/v3/</code>. The web dashboard arrives with the web app issue.
      </p>
    </main>
  );
}
