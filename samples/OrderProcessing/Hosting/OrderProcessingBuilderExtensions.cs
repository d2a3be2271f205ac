using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderProcessing.Activities;
using OrderProcessing.Data;
using OrderProcessing.Orders;
using OrderProcessing.Payments;
using OrderProcessing.Warehouse;
using OrderProcessing.Workflows;
using Swf.Converters;
using Swf.Hosting;
using Swf.Payloads;
using Swf.S3;

namespace OrderProcessing.Hosting;

/// <summary>Adds the order flow to a host's SWF workers: <c>services.AddSwf(...).AddOrderProcessing(configuration)</c>.</summary>
public static class OrderProcessingBuilderExtensions
{
    /// <summary>Adds the workflow, both task lists' activities, the JSON payloads and the services the activities use.</summary>
    /// <param name="builder">The SWF builder.</param>
    /// <param name="configuration">The configuration to bind <c>Orders:Database</c>, <c>Orders:Payloads</c>, <c>Payments</c> and <c>Warehouse</c> from, or null for the defaults.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddOrderProcessing(this ISwfBuilder builder, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var database = services.AddOptions<OrderDatabaseOptions>();
        var payments = services.AddOptions<PaymentGatewayOptions>();
        var warehouse = services.AddOptions<WarehouseOptions>();
        var payloads = services.AddOptions<OrderPayloadOptions>();
        if (configuration is not null)
        {
            database.Bind(configuration.GetSection("Orders:Database"));
            payloads.Bind(configuration.GetSection("Orders:Payloads"));
            payments.Bind(configuration.GetSection("Payments"));
            warehouse.Bind(configuration.GetSection("Warehouse"));
        }

        // The claim check: the pipeline that the deciders, activity workers and client share takes its store from
        // Orders:Payloads when it is first built, so tests and the command line can set it like any other option.
        services.AddOptions<PayloadPipelineOptions>().Configure<IOptions<OrderPayloadOptions>>((pipeline, orderPayloads) =>
        {
            if (CreateStore(orderPayloads.Value) is { } store)
            {
                pipeline.Store = store;
                pipeline.StoreThreshold = orderPayloads.Value.Threshold;
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrderDatabase>();
        services.TryAddSingleton<PaymentGateway>();
        return builder
            .AddWorkflow<OrderWorkflow>()
            .AddActivities<IOrderActivities, OrderActivities>()
            .AddActivities<IWarehouseActivities, WarehouseActivities>()
            .UsePayloadConverter(new JsonPayloadConverter(OrderJsonContext.Default));
    }

    private static IPayloadStore? CreateStore(OrderPayloadOptions options) => options.Store switch
    {
        OrderPayloadStore.None => null,
        OrderPayloadStore.FileSystem => new FileSystemPayloadStore(options.Folder),
        OrderPayloadStore.S3 => new S3PayloadStore(
            options.ServiceUrl is { } url ? new Amazon.S3.AmazonS3Client(new Amazon.S3.AmazonS3Config { ServiceURL = url.ToString(), ForcePathStyle = true }) : new Amazon.S3.AmazonS3Client(),
            options.Bucket ?? throw new InvalidOperationException("Orders:Payloads:Store is S3, but Orders:Payloads:Bucket names no bucket."),
            options.Prefix),
        _ => throw new InvalidOperationException($"Orders:Payloads:Store must be None, FileSystem or S3; it is {options.Store}."),
    };
}
