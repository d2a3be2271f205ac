using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderProcessing.Activities;
using OrderProcessing.Data;
using OrderProcessing.Orders;
using OrderProcessing.Payments;
using OrderProcessing.Warehouse;
using OrderProcessing.Workflows;
using Swf.Converters;
using Swf.Hosting;

namespace OrderProcessing.Hosting;

/// <summary>Adds the order flow to a host's SWF workers: <c>services.AddSwf(...).AddOrderProcessing(configuration)</c>.</summary>
public static class OrderProcessingBuilderExtensions
{
    /// <summary>Adds the workflow, both task lists' activities, the JSON payloads and the services the activities use.</summary>
    /// <param name="builder">The SWF builder.</param>
    /// <param name="configuration">The configuration to bind <c>Orders:Database</c>, <c>Payments</c> and <c>Warehouse</c> from, or null for the defaults.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISwfBuilder AddOrderProcessing(this ISwfBuilder builder, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var database = services.AddOptions<OrderDatabaseOptions>();
        var payments = services.AddOptions<PaymentGatewayOptions>();
        var warehouse = services.AddOptions<WarehouseOptions>();
        if (configuration is not null)
        {
            database.Bind(configuration.GetSection("Orders:Database"));
            payments.Bind(configuration.GetSection("Payments"));
            warehouse.Bind(configuration.GetSection("Warehouse"));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrderDatabase>();
        services.TryAddSingleton<PaymentGateway>();
        return builder
            .AddWorkflow<OrderWorkflow>()
            .AddActivities<IOrderActivities, OrderActivities>()
            .AddActivities<IWarehouseActivities, WarehouseActivities>()
            .UsePayloadConverter(new JsonPayloadConverter(OrderJsonContext.Default));
    }
}
