// The executions page: open and closed executions of a domain, filtered by status, type,
// workflow id, tag and start time, a page of 500 at a time: "Load more" follows the API's
// nextPageToken, as SWF's list calls page, and each live update reloads as many pages as are shown.
'use strict';

SwfConsole.pages.executions = (root, { domain }) => {
  const { h, api, time, statusBadge, links, fill } = SwfConsole;
  SwfConsole.crumbs(['Domains', links.domains()], [domain, null]);

  const field = (label, input) => h('label', {}, label, input);
  const status = h('select', { name: 'status' },
    [['all', 'all'], ['open', 'open'], ['closed', 'closed (any)'], ['COMPLETED', 'completed'], ['FAILED', 'failed'], ['CANCELED', 'canceled'],
      ['TERMINATED', 'terminated'], ['TIMED_OUT', 'timed out'], ['CONTINUED_AS_NEW', 'continued as new']]
      .map(([value, text]) => h('option', { value }, text)));
  const type = h('input', { name: 'type', placeholder: 'any', size: 14 });
  const workflowId = h('input', { name: 'workflowId', placeholder: 'any', size: 16 });
  const tag = h('input', { name: 'tag', placeholder: 'any', size: 12 });
  const from = h('input', { name: 'from', type: 'datetime-local', step: 1 });
  const to = h('input', { name: 'to', type: 'datetime-local', step: 1 });
  // How many pages are shown: a new filter starts again from the first.
  let pageCount = 1;
  const filtersChanged = () => { pageCount = 1; SwfConsole.refresh(); };
  const form = h('form', { class: 'filters card', id: 'filters', onsubmit: (e) => { e.preventDefault(); filtersChanged(); } },
    field('Status', status), field('Workflow type', type), field('Workflow id', workflowId), field('Tag', tag),
    field('Started from', from), field('Started to', to),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'secondary', onclick: () => { form.reset(); filtersChanged(); } }, 'Clear'));
  form.addEventListener('change', filtersChanged);

  const summary = h('p', { class: 'note', id: 'executions-summary' });
  const region = h('div', { class: 'card' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'load-more', hidden: true, onclick: () => { pageCount += 1; SwfConsole.refresh(); } }, 'Load more');
  root.append(h('h1', {}, `Executions in ${domain}`), SwfConsole.domainTabs(domain, 'executions'), form, summary, region, more);

  const iso = (local) => (local ? new Date(local).toISOString() : undefined);

  return {
    async update() {
      const s = status.value;
      const query = {
        domain,
        state: s === 'all' || s === 'open' ? s : 'closed',
        closeStatus: s === s.toUpperCase() ? s : undefined,
        type: type.value.trim(),
        workflowId: workflowId.value.trim(),
        tag: tag.value.trim(),
        from: iso(from.value),
        to: iso(to.value),
      };
      const list = [];
      let nextPageToken;
      for (let page = 0; page < pageCount; page += 1) {
        const { executions } = await api('executions', { ...query, nextPageToken });
        list.push(...executions.executionInfos);
        ({ nextPageToken } = executions);
        if (!nextPageToken) break;
      }
      more.hidden = !nextPageToken;
      summary.textContent = `${list.length}${nextPageToken ? '+' : ''} execution${list.length === 1 ? '' : 's'}, newest first`;
      if (list.length === 0) {
        fill(region, h('p', { class: 'empty' }, 'No executions match.'));
        return;
      }
      fill(region, h('table', { id: 'executions' },
        h('thead', {}, h('tr', {}, ['Workflow id', 'Run id', 'Type', 'Status', 'Started', 'Closed', 'Tags'].map((t) => h('th', {}, t)))),
        h('tbody', {}, list.map((e) => h('tr', { 'data-workflow-id': e.execution.workflowId },
          h('td', {}, h('a', { href: links.execution(domain, e.execution.workflowId, e.execution.runId) }, e.execution.workflowId)),
          h('td', { class: 'mono', title: e.execution.runId }, `${e.execution.runId.slice(0, 10)}…`),
          h('td', {}, `${e.workflowType.name} ${e.workflowType.version}`),
          h('td', {}, statusBadge(e), e.cancelRequested ? h('span', { class: 'note' }, ' cancel requested') : null),
          h('td', {}, time(e.startTimestamp)),
          h('td', {}, time(e.closeTimestamp)),
          h('td', {}, (e.tagList || []).join(', ')))))));
    },
  };
};
