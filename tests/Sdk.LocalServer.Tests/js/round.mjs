// A whole SWF round against swf-local with @aws-sdk/client-swf: register, start, decide,
// work, signal, read the history, close. Usage: node round.mjs <endpoint> <accessKey> <secretKey>
import {
  SWFClient, RegisterDomainCommand, RegisterWorkflowTypeCommand, RegisterActivityTypeCommand,
  StartWorkflowExecutionCommand, PollForDecisionTaskCommand, RespondDecisionTaskCompletedCommand,
  PollForActivityTaskCommand, RespondActivityTaskCompletedCommand, SignalWorkflowExecutionCommand,
  GetWorkflowExecutionHistoryCommand, DescribeWorkflowExecutionCommand, DescribeDomainCommand,
} from "@aws-sdk/client-swf";

const [endpoint, accessKeyId, secretAccessKey] = process.argv.slice(2);
const swf = new SWFClient({ region: "us-east-1", endpoint, maxAttempts: 1, credentials: { accessKeyId, secretAccessKey } });
const domain = "js";
const check = (condition, message) => { if (!condition) { throw new Error(message); } };

await swf.send(new RegisterDomainCommand({ name: domain, workflowExecutionRetentionPeriodInDays: "1" }));
await swf.send(new RegisterWorkflowTypeCommand({
  domain, name: "flow", version: "1", defaultTaskList: { name: "deciders" }, defaultTaskStartToCloseTimeout: "60",
  defaultExecutionStartToCloseTimeout: "3600", defaultChildPolicy: "TERMINATE",
}));
await swf.send(new RegisterActivityTypeCommand({
  domain, name: "act", version: "1", defaultTaskList: { name: "workers" }, defaultTaskScheduleToStartTimeout: "60",
  defaultTaskScheduleToCloseTimeout: "120", defaultTaskStartToCloseTimeout: "60", defaultTaskHeartbeatTimeout: "NONE",
}));
const { runId } = await swf.send(new StartWorkflowExecutionCommand({ domain, workflowId: "w1", workflowType: { name: "flow", version: "1" }, input: "hello" }));

let decision = await swf.send(new PollForDecisionTaskCommand({ domain, taskList: { name: "deciders" }, identity: "js" }));
check(decision.taskToken, "no decision task");
check(decision.events[0].eventType === "WorkflowExecutionStarted", "first event is not WorkflowExecutionStarted");
check(decision.events[0].eventTimestamp instanceof Date, "timestamps are not read as dates");
await swf.send(new RespondDecisionTaskCompletedCommand({
  taskToken: decision.taskToken,
  decisions: [{ decisionType: "ScheduleActivityTask", scheduleActivityTaskDecisionAttributes: { activityType: { name: "act", version: "1" }, activityId: "a1", input: "42" } }],
}));

const activity = await swf.send(new PollForActivityTaskCommand({ domain, taskList: { name: "workers" }, identity: "js" }));
check(activity.activityId === "a1" && activity.input === "42", "unexpected activity task");
await swf.send(new RespondActivityTaskCompletedCommand({ taskToken: activity.taskToken, result: "done" }));
await swf.send(new SignalWorkflowExecutionCommand({ domain, workflowId: "w1", signalName: "go", input: "now" }));

decision = await swf.send(new PollForDecisionTaskCommand({ domain, taskList: { name: "deciders" }, identity: "js" }));
const types = decision.events.map(e => e.eventType);
check(types.includes("ActivityTaskCompleted") && types.includes("WorkflowExecutionSignaled"), `unexpected events ${types}`);
await swf.send(new RespondDecisionTaskCompletedCommand({
  taskToken: decision.taskToken,
  decisions: [{ decisionType: "CompleteWorkflowExecution", completeWorkflowExecutionDecisionAttributes: { result: "ok" } }],
}));

const history = await swf.send(new GetWorkflowExecutionHistoryCommand({ domain, execution: { workflowId: "w1", runId } }));
const last = history.events.at(-1);
check(last.eventType === "WorkflowExecutionCompleted" && last.workflowExecutionCompletedEventAttributes.result === "ok", "not completed");
const described = await swf.send(new DescribeWorkflowExecutionCommand({ domain, execution: { workflowId: "w1", runId } }));
check(described.executionInfo.closeStatus === "COMPLETED", "close status is not COMPLETED");

try {
  await swf.send(new DescribeDomainCommand({ name: "nowhere" }));
  throw new Error("DescribeDomain of an unknown domain succeeded");
} catch (e) {
  check(e.name === "UnknownResourceFault", `unexpected error ${e.name}: ${e.message}`);
  check(e.$metadata.httpStatusCode === 400, "fault status is not 400");
}

console.log(JSON.stringify({ ok: true, events: history.events.length }));
