// swf-local console: a small hash router, the JSON API client, shared helpers, and the domains
// and task lists pages. Each page has mount(), which builds what stays (forms), and update(),
// which the router calls every REFRESH_MS while the page is shown, so pages follow a running
// workflow without losing what the user is typing.
'use strict';

const SwfConsole = (() => {
  const REFRESH_MS = 1500;
  const pages = {};
  let current = null;
  let timer = null;
  let updating = false;
  let generation = 0;

  /** Creates an element: h('a', { href: '#/' }, 'text', child, ...). Text is never parsed as HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'style') el.style.cssText = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== '') query.set(key, value);
    }
    const response = await fetch(`/console/api/${path}?${query}`, { cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) throw new Error(`${body.error}: ${body.message}`);
    return body;
  }

  /** Sends an action: the body is SWF's own request shape. */
  async function act(path, body) {
    const response = await fetch(`/console/api/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Swf-Console': '1' },
      body: JSON.stringify(body),
    });
    const result = await response.json();
    if (!response.ok) throw new Error(`${result.error}: ${result.message}`);
    return result;
  }

  const pad = (n) => String(n).padStart(2, '0');

  /** Formats an SWF timestamp (epoch seconds) in local time, with milliseconds when asked. */
  function time(seconds, millis) {
    if (seconds === undefined || seconds === null) return '';
    const d = new Date(seconds * 1000);
    const text = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    return millis ? `${text}.${String(d.getMilliseconds()).padStart(3, '0')}` : text;
  }

  function duration(seconds) {
    if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
    if (seconds < 120) return `${Math.round(seconds * 10) / 10} s`;
    if (seconds < 7200) return `${Math.round(seconds / 6) / 10} min`;
    return `${Math.round(seconds / 360) / 10} h`;
  }

  function statusBadge(info) {
    const status = info.executionStatus === 'OPEN' ? 'open' : String(info.closeStatus || 'closed').toLowerCase();
    return h('span', { class: `badge ${status}`, 'data-status': status }, status.replace('_', ' '));
  }

  const enc = encodeURIComponent;
  const links = {
    domains: () => '#/',
    executions: (domain) => `#/domains/${enc(domain)}`,
    taskLists: (domain) => `#/domains/${enc(domain)}/tasklists`,
    execution: (domain, workflowId, runId) => `#/domains/${enc(domain)}/executions/${enc(workflowId)}/${enc(runId)}`,
  };

  function crumbs(...items) {
    const nav = document.getElementById('crumbs');
    nav.replaceChildren(...items.flatMap((item, i) => [i ? h('span', {}, '›') : null, item[1] ? h('a', { href: item[1] }, item[0]) : h('span', {}, item[0])]).filter(Boolean));
  }

  function domainTabs(domain, active) {
    return h('div', { class: 'tabs' },
      h('a', { href: links.executions(domain), class: active === 'executions' ? 'active' : null }, 'Executions'),
      h('a', { href: links.taskLists(domain), class: active === 'tasklists' ? 'active' : null }, 'Task lists'));
  }

  /** Replaces a region's content, keeping the page's scroll position. */
  function fill(region, ...children) {
    region.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
  }

  function errorBox(error) {
    return h('div', { class: 'error-box', role: 'alert' }, String(error.message || error));
  }

  function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const parts = hash.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.length === 0) return { page: 'domains', params: {} };
    if (parts[0] === 'domains' && parts.length === 2) return { page: 'executions', params: { domain: parts[1] } };
    if (parts[0] === 'domains' && parts.length === 3 && parts[2] === 'tasklists') return { page: 'taskLists', params: { domain: parts[1] } };
    if (parts[0] === 'domains' && parts.length === 5 && parts[2] === 'executions') {
      return { page: 'execution', params: { domain: parts[1], workflowId: parts[3], runId: parts[4] } };
    }
    return { page: 'notFound', params: { hash } };
  }

  async function refresh() {
    if (updating || !current || !current.update) return;
    updating = true;
    const shown = generation;
    const live = document.getElementById('live');
    try {
      await current.update();
      if (shown !== generation) return;
      live.textContent = `live · updated ${time(Date.now() / 1000).slice(11)}`;
      live.classList.remove('error');
    } catch (error) {
      if (shown !== generation) return;
      live.textContent = `update failed: ${error.message}`;
      live.classList.add('error');
    } finally {
      if (shown === generation) updating = false;
    }
  }

  function navigate() {
    clearInterval(timer);
    // An update of the page being left may still be running: the new page does not wait for it.
    generation += 1;
    updating = false;
    const { page, params } = route();
    const root = document.getElementById('page');
    root.replaceChildren();
    current = pages[page](root, params);
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  }

  pages.notFound = (root, params) => {
    crumbs(['Domains', links.domains()]);
    root.append(h('h1', {}, 'Not found'), h('p', {}, `Nothing at #${params.hash}.`));
    return null;
  };

  pages.domains = (root) => {
    crumbs(['Domains', null]);
    const region = h('div', { class: 'card' });
    root.append(h('h1', {}, 'Domains'), region);
    return {
      async update() {
        const { domainInfos } = await api('domains');
        if (domainInfos.length === 0) {
          fill(region, h('p', { class: 'empty' }, 'No domains yet. Register one with RegisterDomain.'));
          return;
        }
        fill(region, h('table', { id: 'domains' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Domain'), h('th', {}, 'Status'), h('th', {}, 'Description'), h('th', {}, ''))),
          h('tbody', {}, domainInfos.map((d) => h('tr', { 'data-domain': d.name },
            h('td', {}, h('a', { href: links.executions(d.name) }, d.name)),
            h('td', {}, h('span', { class: `badge ${d.status === 'REGISTERED' ? 'completed' : ''}` }, d.status.toLowerCase())),
            h('td', {}, d.description || ''),
            h('td', {}, h('a', { href: links.executions(d.name) }, 'executions'), ' · ', h('a', { href: links.taskLists(d.name) }, 'task lists')))))));
      },
    };
  };

  pages.taskLists = (root, { domain }) => {
    crumbs(['Domains', links.domains()], [domain, links.executions(domain)], ['Task lists', null]);
    const region = h('div', { class: 'card' });
    root.append(h('h1', {}, `Task lists of ${domain}`), domainTabs(domain, 'tasklists'), region);
    return {
      async update() {
        const { taskLists } = await api('tasklists', { domain });
        if (taskLists.length === 0) {
          fill(region, h('p', { class: 'empty' }, 'No task lists yet: one appears when a task is scheduled on it or a worker polls it.'));
          return;
        }
        const now = Date.now() / 1000;
        fill(region, h('table', { id: 'task-lists' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Task list'), h('th', {}, 'Kind'), h('th', {}, 'Pending tasks'), h('th', {}, 'Waiting pollers'))),
          h('tbody', {}, taskLists.map((t) => h('tr', { 'data-task-list': t.name, 'data-kind': t.kind },
            h('td', { class: 'mono' }, t.name),
            h('td', {}, t.kind),
            h('td', { class: 'pending' }, String(t.pendingTaskCount)),
            h('td', { class: 'pollers' }, t.pollers.length === 0 ? h('span', { class: 'empty' }, 'none')
              : t.pollers.map((p) => h('div', {}, h('span', { class: 'mono' }, p.identity || '(no identity)'), h('span', { class: 'note' }, ` waiting ${duration(Math.max(0, now - p.pollingSince))}`)))))))),
        h('p', { class: 'note' }, 'Pending tasks are scheduled and not yet started. Pollers are long polls waiting now.'));
      },
    };
  };

  window.addEventListener('hashchange', navigate);
  window.addEventListener('DOMContentLoaded', navigate);

  return { pages, h, api, act, time, duration, statusBadge, links, crumbs, domainTabs, fill, errorBox, refresh };
})();
