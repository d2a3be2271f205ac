using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OrderProcessing.Commands;
using Swf.LocalEngine;

namespace OrderProcessing.Hosting;

/// <summary>Builds the sample's host (workers) and client services from the command line.</summary>
public static class SampleHost
{
    /// <summary>Builds a host that runs the workflow and activity workers.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The host, not started.</returns>
    public static IHost BuildWorkerHost(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "OrderProcessing" });
        builder.Configuration.AddConfiguration(commandLine.Configuration);
        AddLogging(builder.Logging);

        // The whole of the SWF setup: where SWF is (bound from Swf:*), the workflow, the activities.
        var swf = builder.Services.AddSwf(builder.Configuration.GetSection("Swf")).AddOrderProcessing(builder.Configuration);
        if (commandLine.UsesLocalEngine)
        {
            swf.UseLocalSwfEngine();
        }

        return builder.Build();
    }

    /// <summary>Builds the services a client command needs (no workers run).</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The services.</returns>
    public static ServiceProvider BuildClientServices(CommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        if (commandLine.UsesLocalEngine)
        {
            throw new UsageException($"{commandLine.Command}: give --endpoint URL (swf-local) or --region REGION [--profile P] (AWS); the embedded engine lives inside one process (see the demo command).");
        }

        var services = new ServiceCollection();
        services.AddLogging(AddLogging);
        services.AddSwf(commandLine.Configuration.GetSection("Swf")).AddOrderProcessing(commandLine.Configuration);
        return services.BuildServiceProvider();
    }

    private static void AddLogging(ILoggingBuilder logging)
    {
        // The console logger takes every registered ConsoleFormatter. AddConsoleFormatter<,> would also bind the
        // formatter's options from configuration by reflection (IL2026/IL3050 under Native AOT); this formatter
        // has no options, so registering the instance type is all it needs.
        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, StepConsoleFormatter>());
        logging
            .AddConsole(o => o.FormatterName = StepConsoleFormatter.FormatterName)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("OrderProcessing", LogLevel.Information)
            .AddFilter("Swf.Workflow.OrderWorkflow", LogLevel.Information);
    }
}
