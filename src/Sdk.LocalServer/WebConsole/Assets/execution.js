// The execution page: summary, input and result, a timeline of the history (activities, timers
// and children as bars from scheduled to closed, signals and markers as points, failures in red),
// pending tasks, actions (signal, request cancel, terminate) and the event list.
'use strict';

SwfConsole.timeline = (() => {
  const attrs = (e) => e[`${e.eventType[0].toLowerCase()}${e.eventType.slice(1)}EventAttributes`] || {};
  const FAILED = /Failed$|TimedOut$|Terminated$/;

  /** Builds the timeline's rows from the history: { rows, points, start, end }. */
  function build(events, now) {
    const spans = new Map();
    const rows = [];
    const points = [];
    const open = (key, row) => { spans.set(key, row); rows.push(row); };
    const close = (key, e, state) => {
      const row = spans.get(key);
      if (row) { row.end = e.eventTimestamp; row.state = state; row.closeEvent = e; }
    };
    let workflow = null;
    for (const e of events) {
      const a = attrs(e);
      const t = e.eventTimestamp;
      switch (e.eventType) {
        case 'WorkflowExecutionStarted':
          workflow = { kind: 'workflow', label: `${a.workflowType.name} ${a.workflowType.version}`, start: t, state: 'open' };
          break;
        case 'WorkflowExecutionCompleted': case 'WorkflowExecutionFailed': case 'WorkflowExecutionTimedOut':
        case 'WorkflowExecutionCanceled': case 'WorkflowExecutionTerminated': case 'WorkflowExecutionContinuedAsNew':
          if (workflow) { workflow.end = t; workflow.state = e.eventType.replace('WorkflowExecution', '').toLowerCase(); }
          break;
        case 'ActivityTaskScheduled':
          open(`a${e.eventId}`, { kind: 'activity', label: `${a.activityType.name} · ${a.activityId}`, start: t, state: 'scheduled', taskList: a.taskList && a.taskList.name });
          break;
        case 'ActivityTaskStarted': {
          const row = spans.get(`a${a.scheduledEventId}`);
          if (row) { row.started = t; row.state = 'started'; row.identity = a.identity; }
          break;
        }
        case 'ActivityTaskCompleted': close(`a${a.scheduledEventId}`, e, 'completed'); break;
        case 'ActivityTaskFailed': close(`a${a.scheduledEventId}`, e, 'failed'); break;
        case 'ActivityTaskTimedOut': close(`a${a.scheduledEventId}`, e, 'timedout'); break;
        case 'ActivityTaskCanceled': close(`a${a.scheduledEventId}`, e, 'canceled'); break;
        case 'TimerStarted':
          open(`t${e.eventId}`, { kind: 'timer', label: `timer · ${a.timerId}`, start: t, state: 'started' });
          break;
        case 'TimerFired': close(`t${a.startedEventId}`, e, 'fired'); break;
        case 'TimerCanceled': close(`t${a.startedEventId}`, e, 'canceled'); break;
        case 'StartChildWorkflowExecutionInitiated':
          open(`c${e.eventId}`, { kind: 'child', label: `child · ${a.workflowId}`, start: t, state: 'initiated' });
          break;
        case 'ChildWorkflowExecutionStarted': {
          const row = spans.get(`c${a.initiatedEventId}`);
          if (row) { row.started = t; row.state = 'started'; }
          break;
        }
        case 'ChildWorkflowExecutionCompleted': close(`c${a.initiatedEventId}`, e, 'completed'); break;
        case 'ChildWorkflowExecutionFailed': close(`c${a.initiatedEventId}`, e, 'failed'); break;
        case 'ChildWorkflowExecutionTimedOut': close(`c${a.initiatedEventId}`, e, 'timedout'); break;
        case 'ChildWorkflowExecutionCanceled': close(`c${a.initiatedEventId}`, e, 'canceled'); break;
        case 'ChildWorkflowExecutionTerminated': close(`c${a.initiatedEventId}`, e, 'terminated'); break;
        case 'StartChildWorkflowExecutionFailed': close(`c${a.initiatedEventId}`, e, 'failed'); break;
        case 'WorkflowExecutionSignaled':
          points.push({ kind: 'signal', label: `signal · ${a.signalName}`, at: t, event: e });
          break;
        case 'MarkerRecorded':
          points.push({ kind: 'marker', label: `marker · ${a.markerName}`, at: t, event: e });
          break;
        case 'WorkflowExecutionCancelRequested':
          points.push({ kind: 'signal', label: 'cancel requested', at: t, event: e });
          break;
        default:
          // Other failures (a decision that failed, a decision task that timed out) show as red points.
          if (FAILED.test(e.eventType) && !e.eventType.startsWith('WorkflowExecution')) {
            points.push({ kind: 'failure', label: e.eventType, at: t, event: e, failed: true });
          }
      }
    }
    const start = events.length ? events[0].eventTimestamp : now;
    const last = events.length ? events[events.length - 1].eventTimestamp : now;
    const closed = workflow && workflow.end !== undefined;
    const end = closed ? workflow.end : Math.max(now, last);
    return { workflow, rows, points, start, end };
  }

  return { attrs, build, FAILED };
})();

SwfConsole.pages.execution = (root, { domain, workflowId, runId }) => {
  const { h, api, act, time, duration, statusBadge, links, fill } = SwfConsole;
  const { attrs, build, FAILED } = SwfConsole.timeline;
  SwfConsole.crumbs(['Domains', links.domains()], [domain, links.executions(domain)], [workflowId, null]);

  const heading = h('h1', {}, workflowId, ' ');
  const facts = h('div', { class: 'card', id: 'summary' });
  const io = h('div', { class: 'card', id: 'io' });
  const timelineCard = h('div', { class: 'card', id: 'timeline' });
  const pending = h('div', { class: 'card', id: 'pending' });
  const events = h('div', { class: 'card', id: 'events' });
  const message = h('div', { id: 'action-message', role: 'status' });

  const signalName = h('input', { name: 'signalName', placeholder: 'signal name', required: true, size: 16 });
  const signalInput = h('input', { name: 'signalInput', placeholder: 'input (optional)', size: 22 });
  const reason = h('input', { name: 'reason', placeholder: 'reason (optional)', size: 22 });
  const execution = { domain, workflowId, runId };
  const run = (label, body) => async (e) => {
    e.preventDefault();
    try {
      await body();
      fill(message, h('p', { class: 'note' }, `${label}: done.`));
      SwfConsole.refresh();
    } catch (error) {
      fill(message, SwfConsole.errorBox(error));
    }
  };
  const actions = h('div', { class: 'card actions', id: 'actions' },
    h('h2', {}, 'Actions'),
    h('form', { id: 'signal-form', onsubmit: run('Signal', () => act('signal', { ...execution, signalName: signalName.value, input: signalInput.value || undefined })) },
      h('label', {}, 'Signal', signalName), h('label', {}, 'Input', signalInput), h('button', { type: 'submit' }, 'Send signal')),
    h('form', { id: 'cancel-form', onsubmit: run('Cancel request', () => act('cancel', execution)) },
      h('button', { type: 'submit', class: 'secondary' }, 'Request cancel'),
      h('span', { class: 'note' }, 'The decider sees WorkflowExecutionCancelRequested and decides.')),
    h('form', { id: 'terminate-form', onsubmit: run('Terminate', () => act('terminate', { ...execution, reason: reason.value || undefined })) },
      h('label', {}, 'Reason', reason), h('button', { type: 'submit', class: 'danger' }, 'Terminate')),
    message);

  root.append(heading, h('div', { class: 'section-row' }, facts, io), timelineCard, h('div', { class: 'section-row' }, pending, actions), events);

  // With --codec-endpoint, the answer's "codec" holds the decoded form of each Swf.Sdk envelope of the page (by its
  // stored text), or the error that kept it from being decoded; without it, payloads show as stored.
  let codec = null;
  const isEnvelope = (text) => typeof text === 'string' && text.startsWith('{"swf-payload":');
  /** What to show for a stored payload: { text, decoded, error }. */
  function decode(text) {
    if (!codec || !isEnvelope(text)) return { text, decoded: false, error: null };
    const item = codec.payloads[text];
    if (item && item.payload !== undefined) return { text: item.payload, decoded: true, error: null };
    return { text, decoded: false, error: (item && item.error) || codec.error || 'The codec endpoint did not answer for this payload.' };
  }

  function pretty(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; /* not JSON: show as is */ }
  }

  function payload(text, failure, prefix) {
    const { text: shown, decoded, error } = decode(text);
    const body = prefix ? `${prefix}\n${pretty(shown)}` : pretty(shown);
    const box = h('pre', { class: `payload${failure ? ' failure' : ''}${decoded ? ' decoded' : ''}`, 'data-decoded': decoded ? 'true' : null }, body);
    if (decoded) {
      return h('div', { class: 'payload-box' },
        h('span', { class: 'decoded-mark', title: `Decoded by the codec endpoint ${codec.endpoint}; SWF holds it encoded.` }, 'decoded'),
        box,
        h('details', { class: 'stored' }, h('summary', {}, 'as stored in SWF'), h('pre', { class: 'payload' }, text)));
    }
    if (error) {
      return h('div', { class: 'payload-box' }, box, h('p', { class: 'decode-error', role: 'note' }, `Not decoded: ${error}`));
    }
    return box;
  }

  function renderSummary(detail) {
    const info = detail.executionInfo;
    const config = detail.executionConfiguration;
    heading.replaceChildren(workflowId, ' ', statusBadge(info));
    fill(facts, h('h2', {}, 'Execution'), h('dl', { class: 'facts' },
      h('dt', {}, 'Run id'), h('dd', { class: 'mono' }, runId),
      h('dt', {}, 'Type'), h('dd', {}, `${info.workflowType.name} ${info.workflowType.version}`),
      h('dt', {}, 'Started'), h('dd', {}, time(info.startTimestamp)),
      h('dt', {}, 'Closed'), h('dd', {}, info.closeTimestamp ? `${time(info.closeTimestamp)} (${duration(info.closeTimestamp - info.startTimestamp)})` : 'still open'),
      h('dt', {}, 'Task list'), h('dd', { class: 'mono' }, config.taskList.name),
      h('dt', {}, 'Tags'), h('dd', {}, (info.tagList || []).join(', ') || '–'),
      info.parent ? [h('dt', {}, 'Parent'), h('dd', {}, h('a', { href: links.execution(domain, info.parent.workflowId, info.parent.runId) }, info.parent.workflowId))] : null));
  }

  function renderIo(history, detail) {
    const info = detail.executionInfo;
    const started = history.find((e) => e.eventType === 'WorkflowExecutionStarted');
    const closing = history.find((e) => /^WorkflowExecution(Completed|Failed|TimedOut|Canceled|Terminated|ContinuedAsNew)$/.test(e.eventType));
    const input = started && attrs(started).input;
    const parts = [h('h2', {}, 'Input'), input ? payload(input) : h('p', { class: 'empty' }, 'none')];
    if (!closing) {
      parts.push(h('h2', { style: 'margin-top:10px' }, 'Result'), h('p', { class: 'empty' }, info.executionStatus === 'OPEN' ? 'not closed yet' : 'none'));
    } else {
      const a = attrs(closing);
      const failure = FAILED.test(closing.eventType);
      const title = closing.eventType === 'WorkflowExecutionCompleted' ? 'Result' : closing.eventType.replace('WorkflowExecution', '');
      const heading2 = h('h2', { style: 'margin-top:10px', class: failure ? 'failed' : null }, title);
      if (a.result !== undefined && a.result !== null) parts.push(heading2, payload(a.result, failure));
      else if (a.details) parts.push(heading2, payload(a.details, failure, a.reason));
      else parts.push(heading2, a.reason ? payload(a.reason, failure) : h('p', { class: 'empty' }, 'none'));
    }
    // What the deciders last sent with a decision task (DescribeWorkflowExecution.latestExecutionContext):
    // Swf.Sdk writes its [Query] values there as JSON, other frameworks whatever they like.
    const context = detail.latestExecutionContext;
    parts.push(h('h2', { style: 'margin-top:10px' }, 'Execution context'),
      context ? h('div', { id: 'execution-context' }, payload(context)) : h('p', { class: 'empty', id: 'execution-context' }, 'none sent'));
    fill(io, parts);
  }

  function renderTimeline(history, now) {
    const tl = build(history, now);
    const span = Math.max(tl.end - tl.start, 0.001);
    const pct = (t) => `${Math.min(100, Math.max(0, ((t - tl.start) / span) * 100)).toFixed(3)}%`;
    const width = (a, b) => `${Math.max(0, ((b - a) / span) * 100).toFixed(3)}%`;
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => h('span', { class: 'tl-tick', style: `left:${f * 100}%` }, `+${duration(span * f)}`));
    const bar = (row) => {
      const end = row.end ?? tl.end;
      const isOpen = row.end === undefined;
      const failed = /failed|timedout|timed_out|terminated/.test(row.state);
      const title = `${row.label}\n${row.state}: ${time(row.start)} → ${isOpen ? 'still open' : time(end)} (${duration(end - row.start)})${row.identity ? `\nworker: ${row.identity}` : ''}`;
      return h('div', { class: `bar ${row.kind}${isOpen ? ' open' : ''}${failed ? ' failed' : ''}`, 'data-kind': row.kind, 'data-state': row.state, title, style: `left:${pct(row.start)};width:${width(row.start, end)}` },
        row.started !== undefined && row.started > row.start ? h('span', { class: 'started', style: `left:${(((row.started - row.start) / Math.max(end - row.start, 0.001)) * 100).toFixed(3)}%` }) : null);
    };
    const lines = [];
    if (tl.workflow) lines.push(h('div', { class: 'tl-row' }, h('div', { class: 'tl-label' }, h('span', { class: 'kind' }, 'run'), tl.workflow.label), h('div', { class: 'tl-track' }, bar(tl.workflow))));
    for (const row of tl.rows) {
      lines.push(h('div', { class: 'tl-row', 'data-row': row.kind }, h('div', { class: 'tl-label', title: row.label }, h('span', { class: 'kind' }, row.kind), row.label.split(' · ').slice(-1)[0], row.kind === 'activity' ? h('span', { class: 'note' }, ` ${row.label.split(' · ')[0]}`) : null), h('div', { class: 'tl-track' }, bar(row))));
    }
    if (tl.points.length) {
      lines.push(h('div', { class: 'tl-row', 'data-row': 'points' }, h('div', { class: 'tl-label' }, h('span', { class: 'kind' }, 'events'), 'signals, markers'),
        h('div', { class: 'tl-track' }, tl.points.map((p) => h('div', { class: `point ${p.kind}${p.failed ? ' failed' : ''}`, 'data-kind': p.kind, title: `${p.label}\n${time(p.at)} (event ${p.event.eventId})`, style: `left:${pct(p.at)}` })))));
    }
    const legend = h('div', { class: 'legend' },
      [['var(--blue)', 'run'], ['var(--green)', 'activity'], ['var(--amber)', 'timer'], ['var(--purple)', 'child'], ['var(--teal)', 'signal'], ['var(--gray)', 'marker'], ['var(--red)', 'failed / timed out']]
        .map(([c, t]) => h('span', {}, h('i', { style: `background:${c}` }), t)),
      h('span', {}, 'striped = still open; a dark tick = started'));
    fill(timelineCard, h('h2', {}, 'Timeline'), h('div', { class: 'timeline' }, h('div', { class: 'tl-axis' }, h('div', {}), h('div', { class: 'tl-ticks' }, ticks)), lines), legend);
    return tl;
  }

  function renderPending(detail, tl, history) {
    const counts = detail.openCounts;
    const items = [];
    const lastDecision = [...history].reverse().find((e) => e.eventType.startsWith('DecisionTask'));
    if (lastDecision && ['DecisionTaskScheduled', 'DecisionTaskStarted'].includes(lastDecision.eventType)) {
      items.push(['decision task', detail.executionConfiguration.taskList.name, lastDecision.eventType === 'DecisionTaskStarted' ? 'started' : 'scheduled', lastDecision.eventTimestamp]);
    }
    for (const row of tl.rows.filter((r) => r.end === undefined)) {
      items.push([row.label, row.taskList || '', row.state, row.started ?? row.start]);
    }
    fill(pending, h('h2', {}, 'Pending'),
      h('p', { class: 'note' }, `open: ${counts.openDecisionTasks} decision task, ${counts.openActivityTasks} activity task(s), ${counts.openTimers} timer(s), ${counts.openChildWorkflowExecutions} child execution(s)`),
      items.length === 0 ? h('p', { class: 'empty' }, 'Nothing pending.')
        : h('table', { id: 'pending-tasks' }, h('thead', {}, h('tr', {}, h('th', {}, 'What'), h('th', {}, 'Task list'), h('th', {}, 'State'), h('th', {}, 'Since'))),
          h('tbody', {}, items.map(([what, list, state, since]) => h('tr', {}, h('td', {}, what), h('td', { class: 'mono' }, list), h('td', {}, state), h('td', {}, time(since)))))));
  }

  function summarize(a) {
    return Object.entries(a).filter(([, v]) => typeof v !== 'object' || v === null)
      .map(([k, v]) => {
        const { text, decoded, error } = decode(v);
        const shown = String(text).length > 80 ? `${String(text).slice(0, 80)}…` : text;
        return `${k}=${decoded ? '(decoded) ' : error ? '(not decoded) ' : ''}${shown}`;
      }).join('  ');
  }

  function renderEvents(history) {
    fill(events, h('h2', {}, `History (${history.length} events)`), h('table', { class: 'events', id: 'history' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Time'), h('th', {}, 'Event'), h('th', {}, 'Attributes'))),
      h('tbody', {}, history.map((e) => h('tr', { class: FAILED.test(e.eventType) ? 'failed' : null, 'data-event-type': e.eventType },
        h('td', {}, String(e.eventId)), h('td', { class: 'time' }, time(e.eventTimestamp, true)), h('td', { class: 'event-type' }, e.eventType), h('td', { class: 'attrs mono' }, summarize(attrs(e))))))));
  }

  let lastCount = -1;
  return {
    async update() {
      const answer = await api('execution', { domain, workflowId, runId });
      const { detail, history: { events: history }, now } = answer;
      const decodedBefore = JSON.stringify(codec && Object.keys(codec.payloads).length);
      codec = answer.codec || null;
      renderSummary(detail);
      renderIo(history, detail);
      const tl = renderTimeline(history, now);
      renderPending(detail, tl, history);
      actions.style.display = detail.executionInfo.executionStatus === 'OPEN' ? '' : 'none';
      // The events are rendered again when there are more, or when the endpoint now decodes a different number of them.
      if (history.length !== lastCount || decodedBefore !== JSON.stringify(codec && Object.keys(codec.payloads).length)) {
        renderEvents(history);
        lastCount = history.length;
      }
    },
  };
};
