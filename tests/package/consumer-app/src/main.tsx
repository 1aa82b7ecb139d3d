// A host app as the README shows it: the React component, `mount` for any other framework, and the element.
import { createRoot } from 'react-dom/client';
import { mount } from '@uchi-pro/support-widget';
import type { MountedWidget, MountOptions } from '@uchi-pro/support-widget';
import { UchiSupportWidget } from '@uchi-pro/support-widget/react';
import type { HostContext } from '@uchi-pro/support-widget/react';
import '@uchi-pro/support-widget/element.js';

declare global {
  interface Window {
    /** What the app saw, for the test to read. */
    __app: { events: string[]; created: string[]; elementDefined: boolean; mounted: MountedWidget | null };
  }
}

const params = new URLSearchParams(location.search);
const apiUrl = params.get('api') ?? '';
const token = params.get('token');

window.__app = {
  events: [],
  created: [],
  elementDefined: customElements.get('uchi-support-widget') !== undefined,
  mounted: null,
};

function App() {
  return (
    <UchiSupportWidget
      apiUrl={apiUrl}
      token={token}
      locale="ru"
      onEvent={(event, payload) => {
        window.__app.events.push(event);
        if (event === 'ticket:created') window.__app.created.push(payload.ticketId);
      }}
    />
  );
}

createRoot(document.getElementById('react')!).render(<App />);

const context: HostContext = {
  fullName: 'Петров Пётр',
  role: 'teacher',
  organization: { title: 'ООО «Учебный центр»' },
  lmsUrl: 'https://lms.example.ru',
};
const options: MountOptions = { apiUrl, context, theme: 'light' };
window.__app.mounted = mount(document.getElementById('plain')!, options);
