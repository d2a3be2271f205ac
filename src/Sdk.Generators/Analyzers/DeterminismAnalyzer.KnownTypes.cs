using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Swf.Generators.Analyzers;

/// <content>The framework and SDK types the rules look for.</content>
public sealed partial class DeterminismAnalyzer
{
    /// <summary>The framework and SDK types the rules look for, resolved once per compilation (null when absent).</summary>
    private sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);
            Assembly = compilation.Assembly;
            WorkflowAttribute = Get(KnownNames.WorkflowAttribute);
            ActivitiesAttribute = Get(KnownNames.ActivitiesAttribute);
            Workflow = Get(KnownNames.Workflow);
            WorkflowInboundInterceptor = Get(KnownNames.WorkflowInboundInterceptor);
            WorkflowOutboundInterceptor = Get(KnownNames.WorkflowOutboundInterceptor);
            DateTime = Get("System.DateTime");
            DateTimeOffset = Get("System.DateTimeOffset");
            TimeProvider = Get("System.TimeProvider");
            TimeSpan = Get("System.TimeSpan");
            Guid = Get("System.Guid");
            Random = Get("System.Random");
            Environment = Get("System.Environment");
            Console = Get("System.Console");
            Stopwatch = Get("System.Diagnostics.Stopwatch");
            Task = Get("System.Threading.Tasks.Task");
            TaskOfT = Get("System.Threading.Tasks.Task`1");
            ValueTask = Get("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = Get("System.Threading.Tasks.ValueTask`1");
            ConfigureAwaitOptions = Get("System.Threading.Tasks.ConfigureAwaitOptions");
            TaskFactory = Get("System.Threading.Tasks.TaskFactory");
            Parallel = Get("System.Threading.Tasks.Parallel");
            Thread = Get("System.Threading.Thread");
            ThreadPool = Get("System.Threading.ThreadPool");
            CancellationTokenSource = Get("System.Threading.CancellationTokenSource");
            Monitor = Get("System.Threading.Monitor");
            Lock = Get("System.Threading.Lock");
            SemaphoreSlim = Get("System.Threading.SemaphoreSlim");
            ManualResetEventSlim = Get("System.Threading.ManualResetEventSlim");
            CountdownEvent = Get("System.Threading.CountdownEvent");
            Barrier = Get("System.Threading.Barrier");
            WaitHandle = Get("System.Threading.WaitHandle");
            HttpClient = Get("System.Net.Http.HttpClient");
            TimerTypes = new[] { Get("System.Threading.Timer"), Get("System.Timers.Timer"), Get("System.Threading.PeriodicTimer") }.Where(t => t is not null).ToList()!;
            FileTypes = new[] { Get("System.IO.File"), Get("System.IO.Directory"), Get("System.IO.FileInfo"), Get("System.IO.DirectoryInfo") }.Where(t => t is not null).ToList()!;
            StreamTypes = new[] { Get("System.IO.FileStream"), Get("System.IO.StreamReader"), Get("System.IO.StreamWriter") }.Where(t => t is not null).ToList()!;
        }

        /// <summary>Gets the assembly being compiled: only its members have bodies to follow.</summary>
        public IAssemblySymbol Assembly { get; }

        public INamedTypeSymbol? WorkflowAttribute { get; }

        public INamedTypeSymbol? ActivitiesAttribute { get; }

        public INamedTypeSymbol? Workflow { get; }

        /// <summary>Gets the base of workflow inbound interceptors, whose code runs on the workflow scheduler as workflow code does.</summary>
        public INamedTypeSymbol? WorkflowInboundInterceptor { get; }

        /// <summary>Gets the base of workflow outbound interceptors (workflow code too).</summary>
        public INamedTypeSymbol? WorkflowOutboundInterceptor { get; }

        public INamedTypeSymbol? DateTime { get; }

        public INamedTypeSymbol? DateTimeOffset { get; }

        public INamedTypeSymbol? TimeProvider { get; }

        public INamedTypeSymbol? TimeSpan { get; }

        public INamedTypeSymbol? Guid { get; }

        public INamedTypeSymbol? Random { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? Console { get; }

        public INamedTypeSymbol? Stopwatch { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? TaskOfT { get; }

        public INamedTypeSymbol? ValueTask { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        public INamedTypeSymbol? ConfigureAwaitOptions { get; }

        public INamedTypeSymbol? TaskFactory { get; }

        public INamedTypeSymbol? Parallel { get; }

        public INamedTypeSymbol? Thread { get; }

        public INamedTypeSymbol? ThreadPool { get; }

        public INamedTypeSymbol? CancellationTokenSource { get; }

        public INamedTypeSymbol? Monitor { get; }

        public INamedTypeSymbol? Lock { get; }

        public INamedTypeSymbol? SemaphoreSlim { get; }

        public INamedTypeSymbol? ManualResetEventSlim { get; }

        public INamedTypeSymbol? CountdownEvent { get; }

        public INamedTypeSymbol? Barrier { get; }

        public INamedTypeSymbol? WaitHandle { get; }

        public INamedTypeSymbol? HttpClient { get; }

        public List<INamedTypeSymbol> TimerTypes { get; }

        public List<INamedTypeSymbol> FileTypes { get; }

        public List<INamedTypeSymbol> StreamTypes { get; }
    }
}
