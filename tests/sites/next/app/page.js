// Written at build time by a server component, with no shim: the boxes' markup goes into
// the page; the client component below makes them interactive.
import { prerender } from 'factbox';
import Hydrate from './hydrate';
export default async function Page() {
  const boxes = await prerender('public/data/egov-vn.json', { script: false, src: '/data/egov-vn.json' });
  const shown = boxes.filter((b) => ['tiet-kiem', 'co-so-du-lieu', 'lich-su-xep-hang'].includes(b.id));
  return <main><h1>Next.js</h1>{shown.map((b) => <div key={b.id} dangerouslySetInnerHTML={{ __html: b.html }} />)}<Hydrate /></main>;
}
