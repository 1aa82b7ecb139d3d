/** The list screen's notice (the tickets a split registered): its live region is there before its text, so it is read out. */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import TicketsScreen from '../../../src/widget/app/screens/TicketsScreen';
import { createFakeApi, ok } from '../status-timeline/fake-api';
import { renderWidget } from '../status-timeline/render';

describe('the list screen’s notice', () => {
  it('fills a live region that is already in the page, as a screen reader needs to read it', async () => {
    const added: Array<{ target: Node; text: string }> = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) added.push({ target: record.target, text: node.textContent ?? '' });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    renderWidget(
      <TicketsScreen notice="Зарегистрировано 2 обращения." shown onOpen={vi.fn()} onNew={vi.fn()} />,
      createFakeApi({ listTickets: async () => ok([]) }),
    );
    const region = (await screen.findByText('Зарегистрировано 2 обращения.')).closest('[role="status"]');
    expect(region).not.toBeNull();
    await Promise.resolve();
    observer.disconnect();
    // The text arrived inside the region, not together with it.
    expect(added.some(({ target, text }) => target === region && text.includes('Зарегистрировано 2 обращения.'))).toBe(true);
  });
});
