// App shell: shows the server's version and health until the full app lands.
const app = document.getElementById('app');
const res = await fetch('/api/v1/version');
const info = await res.json();
app.innerHTML = `<main class="shell"><h1>KITT</h1><p>Server version ${info.version}</p></main>`;
