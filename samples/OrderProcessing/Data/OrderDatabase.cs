using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using OrderProcessing.Orders;

namespace OrderProcessing.Data;

/// <summary>
/// The orders database (SQLite): finished orders, and the simulated payment provider's charges. Every
/// write is idempotent (the order id is the key), because SWF runs an activity at least once: a worker
/// that dies after writing but before reporting leaves the retry to write again.
/// </summary>
public sealed class OrderDatabase(IOptions<OrderDatabaseOptions> options, TimeProvider timeProvider) : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS orders (
            order_id TEXT PRIMARY KEY, customer TEXT NOT NULL, item TEXT NOT NULL, total TEXT NOT NULL, payment TEXT,
            status TEXT NOT NULL, detail TEXT NOT NULL, charge_id TEXT, tracking_number TEXT, recorded_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS charges (
            order_id TEXT PRIMARY KEY, charge_id TEXT, amount TEXT, method TEXT, attempts INTEGER NOT NULL DEFAULT 0,
            refunded INTEGER NOT NULL DEFAULT 0);
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = options.Value.Path, DefaultTimeout = 30 }.ToString();
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _isCreated;

    /// <summary>Gets the file.</summary>
    public string Path => options.Value.Path;

    /// <inheritdoc/>
    public void Dispose() => _created.Dispose();

    /// <summary>Records a finished order; a second record of the same order is ignored.</summary>
    /// <param name="order">The order.</param>
    /// <param name="result">How it ended.</param>
    /// <returns><c>true</c> when this call wrote the row.</returns>
    public async Task<bool> RecordOrderAsync(Order order, OrderResult result)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(result);
        return await ExecuteAsync(
            "INSERT OR IGNORE INTO orders VALUES ($id, $customer, $item, $total, $payment, $status, $detail, $charge, $tracking, $at)",
            ("$id", order.Id),
            ("$customer", order.Customer),
            ("$item", order.Item),
            ("$total", order.Total.ToString(CultureInfo.InvariantCulture)),
            ("$payment", order.Payment?.ToString()),
            ("$status", result.Status.ToString()),
            ("$detail", result.Detail),
            ("$charge", result.ChargeId),
            ("$tracking", result.TrackingNumber),
            ("$at", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))) == 1;
    }

    /// <summary>Counts one more charge attempt of an order.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The attempt's number, 1 for the first.</returns>
    public async Task<int> CountChargeAttemptAsync(string orderId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO charges (order_id, attempts) VALUES ($id, 1) ON CONFLICT (order_id) DO UPDATE SET attempts = attempts + 1;
            SELECT attempts FROM charges WHERE order_id = $id;
            """;
        command.Parameters.AddWithValue("$id", orderId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Finds an order's successful charge.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The receipt, or null.</returns>
    public async Task<Receipt?> FindChargeAsync(string orderId)
    {
        var charge = (await ListChargesAsync("WHERE order_id = $id AND charge_id IS NOT NULL", ("$id", orderId))).SingleOrDefault();
        return charge is null ? null : new Receipt(charge.OrderId, charge.ChargeId, charge.Amount, Enum.Parse<PaymentMethod>(charge.Method));
    }

    /// <summary>Records a successful charge (once per order) and returns the charge of record.</summary>
    /// <param name="receipt">The charge.</param>
    /// <returns>The charge of record.</returns>
    public async Task<Receipt> AddChargeAsync(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await ExecuteAsync(
            """
            INSERT INTO charges (order_id, charge_id, amount, method) VALUES ($id, $charge, $amount, $method)
            ON CONFLICT (order_id) DO UPDATE SET charge_id = excluded.charge_id, amount = excluded.amount, method = excluded.method
            WHERE charges.charge_id IS NULL
            """,
            ("$id", receipt.OrderId),
            ("$charge", receipt.ChargeId),
            ("$amount", receipt.Amount.ToString(CultureInfo.InvariantCulture)),
            ("$method", receipt.Method.ToString()));
        return (await FindChargeAsync(receipt.OrderId))!;
    }

    /// <summary>Marks an order's charge refunded.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>A task that completes when the change is written.</returns>
    public Task MarkRefundedAsync(string orderId) => ExecuteAsync("UPDATE charges SET refunded = 1 WHERE order_id = $id", ("$id", orderId));

    /// <summary>Lists the finished orders, by order id.</summary>
    /// <returns>The rows.</returns>
    public async Task<IReadOnlyList<OrderRow>> ListOrdersAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM orders ORDER BY order_id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OrderRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OrderRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9)));
        }

        return rows;
    }

    /// <summary>Lists the payment provider's ledger, by order id.</summary>
    /// <returns>The rows (attempts that never succeeded have no charge id and are left out).</returns>
    public Task<IReadOnlyList<ChargeRow>> ListChargesAsync() => ListChargesAsync("WHERE charge_id IS NOT NULL");

    /// <summary>Counts an order's charge attempts.</summary>
    /// <param name="orderId">The order.</param>
    /// <returns>The number of attempts, 0 when none was made.</returns>
    public async Task<int> ChargeAttemptsAsync(string orderId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT attempts FROM charges WHERE order_id = $id";
        command.Parameters.AddWithValue("$id", orderId);
        return await command.ExecuteScalarAsync() is long attempts ? (int)attempts : 0;
    }

    private async Task<IReadOnlyList<ChargeRow>> ListChargesAsync(string where, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT order_id, charge_id, amount, method, attempts, refunded FROM charges " + where + " ORDER BY order_id";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ChargeRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ChargeRow(
                reader.GetString(0),
                reader.GetString(1),
                decimal.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetInt64(5) != 0));
        }

        return rows;
    }

    private async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        if (!_isCreated)
        {
            await _created.WaitAsync();
            try
            {
                if (!_isCreated)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = Schema;
                    await command.ExecuteNonQueryAsync();
                    _isCreated = true;
                }
            }
            finally
            {
                _created.Release();
            }
        }

        return connection;
    }
}
