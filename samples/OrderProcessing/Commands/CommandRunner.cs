using Swf.Exceptions;

namespace OrderProcessing.Commands;

/// <summary>Dispatches the command line to a command.</summary>
public static class CommandRunner
{
    private const string Usage = """
        usage: OrderProcessing [COMMAND] [OPTIONS]

          demo                      (default) everything in this process: workers, four orders, history, database
          worker                    run the workers until Ctrl+C
          start ORDER_ID            place an order [--customer C --item SKU --quantity N --total T --payment METHOD
                                    --remind-after TIMESPAN --deadline TIMESPAN]
          approve ORDER_ID          approve it [--by NAME --comment TEXT]
          reject ORDER_ID           reject it [--by NAME --comment TEXT]
          pay ORDER_ID METHOD       choose how to pay (NetBanking, Card, Wallet, CashOnDelivery)
          result ORDER_ID           wait for the order to finish and print its result
          history ORDER_ID          print the order's history

        where SWF is (the demo defaults to the embedded engine; the others need one of these):
          --endpoint URL            an SWF endpoint such as swf-local (http://127.0.0.1:5055; any credentials,
                                    such as AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local)
          --region REGION           AWS, with credentials from the standard chain [--profile NAME]
        other options: --domain NAME (order-processing), --db FILE (the orders database), and any setting
        as --Section:Key VALUE, such as --Warehouse:StepDuration 00:00:01 or --Payments:NetBankingTimeouts 2
        """;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0 fine, 1 the demo went wrong, 2 bad usage or an SWF error.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var commandLine = CommandLine.Parse(args);
        try
        {
            return commandLine.Command switch
            {
                "demo" => await DemoCommand.RunAsync(commandLine),
                "worker" => await WorkerCommand.RunAsync(commandLine),
                "start" => await StartCommand.RunAsync(commandLine),
                "approve" or "reject" or "pay" => await SignalCommand.RunAsync(commandLine),
                "result" or "history" => await ResultCommand.RunAsync(commandLine),
                "help" or "--help" => PrintUsage(Console.Out),
                _ => throw new UsageException($"unknown command '{commandLine.Command}'"),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            PrintUsage(Console.Error);
            return 2;
        }
        catch (SwfException ex)
        {
            await Console.Error.WriteLineAsync($"{commandLine.Command}: {ex.Message}");
            return 2;
        }
    }

    private static int PrintUsage(TextWriter writer)
    {
        writer.WriteLine(Usage);
        return 0;
    }
}
