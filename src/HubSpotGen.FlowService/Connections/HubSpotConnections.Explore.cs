using HubSpotGen.FlowService.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService;

public partial class HubSpotConnections
{
    private const string ExploreOperation = "GET /connections/{connectionId}/explore";

    /// <summary>
    /// Lists the HubSpot objects the connection can ingest (<c>objectType=root</c>), such as the table with path
    /// <c>Hubspot.Contacts</c>.
    /// </summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The root objects, in the service's order; each <see cref="ExploreItem.Path"/> names it in <see cref="ExploreTableAsync"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request, or answered with something other than an array of objects.</exception>
    public virtual async Task<IReadOnlyList<ExploreItem>> ExploreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        var answer = await _client.ExploreConnectionAsync(id, ObjectType.Root, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (answer is not JArray items)
        {
            throw UnexpectedAnswer.Create(ExploreOperation, "a JSON " + DescribeToken(answer) + " where objectType=root documents an array of tables");
        }

        return ReadAs<List<ExploreItem>>(items, "objectType=root");
    }

    /// <summary>Lists the columns of one table (<c>objectType=table&amp;object=</c><paramref name="path"/>) and the XDM type each maps to.</summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="path">The table's path as <see cref="ExploreAsync"/> returned it, such as <c>Hubspot.Contacts</c>; must not be blank.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The table's columns, in the service's order; empty when the answer lists none.</returns>
    /// <exception cref="ArgumentException">The id is empty or the path blank; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request, or answered with something other than a table object.</exception>
    public virtual async Task<IReadOnlyList<ExploreColumn>> ExploreTableAsync(Guid id, string path, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var answer = await _client.ExploreConnectionAsync(id, ObjectType.Table, @object: path, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (answer is not JObject table)
        {
            throw UnexpectedAnswer.Create(ExploreOperation, "a JSON " + DescribeToken(answer) + " where objectType=table documents an object with schema.columns");
        }

        return ReadAs<ExploreTable>(table, "objectType=table").Schema?.Columns ?? [];
    }

    /// <summary>Reads the free-form explore answer as the component schema that matches the request.</summary>
    private static T ReadAs<T>(JToken answer, string request)
        where T : class
    {
        try
        {
            return answer.ToObject<T>() ?? throw UnexpectedAnswer.Create(ExploreOperation, "null for " + request);
        }
        catch (JsonException exception)
        {
            throw UnexpectedAnswer.Create(ExploreOperation, "a body for " + request + " that is not the shape the spec describes", exception);
        }
    }

    private static string DescribeToken(JToken? token) => token?.Type.ToString().ToLowerInvariant() ?? "null";
}
