// The app shell: header, navigation and a hash router over the four screens.
import './style.css';
import { h, mount } from './dom';
import { newLeadScreen } from './screens/new-lead';
import { searchScreen } from './screens/search';
import { leadDetailScreen } from './screens/lead-detail';
import { bulkImportScreen } from './screens/bulk-import';

const NAV = [
  ['#/new', 'New lead'],
  ['#/search', 'Search'],
  ['#/import', 'Bulk import'],
] as const;

const main = h('main', { id: 'screen' });
const links = NAV.map(([href, label]) => h('a', { href }, label));

const app = document.getElementById('app');
if (app) {
  mount(
    app,
    h(
      'header',
      { class: 'top' },
      h('a', { class: 'brand', href: '#/search' }, 'Convoso Leads', h('span', {}, ' demo')),
      h('nav', {}, links),
      h('span', { class: 'badge', title: 'The browser holds no token: /api adds it on the server' }, 'via server proxy'),
    ),
    main,
  );
}

function route(): void {
  const hash = location.hash || '#/search';
  for (const link of links) link.classList.toggle('active', hash.startsWith(link.getAttribute('href') ?? ''));
  const lead = /^#\/lead\/(.+)$/.exec(hash);
  if (lead?.[1]) leadDetailScreen(main, decodeURIComponent(lead[1]));
  else if (hash.startsWith('#/new')) newLeadScreen(main);
  else if (hash.startsWith('#/import')) bulkImportScreen(main);
  else searchScreen(main);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
