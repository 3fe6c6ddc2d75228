using HubSpotGen.FlowService.Models;
using System.Globalization;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Output;

/// <summary>How a connection reads in the human output of <c>get</c> and <c>list</c>.</summary>
internal static class ConnectionText
{
    /// <summary>
    /// One line for <c>list</c>: id, state, etag, then the name last because it may contain spaces.
    /// The etag is shown with its quotes, as <c>update-hubspot --etag</c> wants it.
    /// </summary>
    public static string Line(Connection connection) =>
        string.Create(CultureInfo.InvariantCulture, $"{connection.Id}  {connection.State,-12}  {connection.Etag}  {connection.Name}");

    /// <summary>The <c>get</c> view: one <c>field: value</c> per line, the auth params redacted.</summary>
    public static async Task WriteDetailsAsync(TextWriter output, Connection connection)
    {
        await output.WriteLineAsync($"id:             {connection.Id}");
        await output.WriteLineAsync($"name:           {connection.Name}");
        if (!string.IsNullOrEmpty(connection.Description))
        {
            await output.WriteLineAsync($"description:    {connection.Description}");
        }

        await output.WriteLineAsync($"state:          {connection.State}");
        await output.WriteLineAsync($"etag:           {connection.Etag}");
        await output.WriteLineAsync($"connectionSpec: {connection.ConnectionSpec?.Id} (version {connection.ConnectionSpec?.Version ?? "?"})");
        if (connection.SandboxName is { } sandbox)
        {
            await output.WriteLineAsync($"sandbox:        {sandbox}");
        }

        if (connection.CreatedAt is { } createdAt)
        {
            await output.WriteLineAsync($"createdAt:      {Timestamp(createdAt)}");
        }

        if (connection.UpdatedAt is { } updatedAt)
        {
            await output.WriteLineAsync($"updatedAt:      {Timestamp(updatedAt)}");
        }

        if (connection.Auth is { } auth)
        {
            await output.WriteLineAsync($"auth:           {auth.SpecName}");
            foreach (var (name, value) in auth.Params ?? new Dictionary<string, Newtonsoft.Json.Linq.JToken?>())
            {
                await output.WriteLineAsync($"  {name}: {SecretRedaction.Display(name, value)}");
            }
        }
    }

    /// <summary>Flow Service times are milliseconds since the Unix epoch.</summary>
    private static string Timestamp(long milliseconds) =>
        milliseconds is >= -62135596800000 and <= 253402300799999
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : milliseconds.ToString(CultureInfo.InvariantCulture);
}
