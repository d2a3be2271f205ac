using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Swf.Hosting;
using Swf.LocalEngine;
using SwfWorker.Greetings;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is read from beside the program, wherever `dotnet run` is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

// Where SWF is comes from the Swf:Connection settings (appsettings.json, environment variables such as
// Swf__Connection__Region, or the command line such as --Swf:Connection:Endpoint=http://127.0.0.1:5055):
//   Region (and Profile)  AWS, with credentials from the standard chain;
//   Endpoint              any SWF endpoint, such as swf-local;
//   UseLocalEngine        the engine embedded in this process (the default here, for a first run).
var swf = builder.Services.AddSwf(builder.Configuration.GetSection(SwfOptions.SectionName)).AddGreetings();
if (bool.TryParse(builder.Configuration["Swf:Connection:UseLocalEngine"], out var useLocalEngine) && useLocalEngine)
{
    swf.UseLocalSwfEngine();

    // Nothing outside this process can reach the embedded engine, so start one greeting here to show it running.
    builder.Services.AddHostedService<GreetingDemo>();
}

await builder.Build().RunAsync();
