using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

internal sealed partial class ConnectionsEndpoint
{
    /// <summary>
    /// Filters, sorts and pages the sandbox's connections. Pages are offsets into the sorted result at the time
    /// of each request, so a connection created or deleted between pages can shift the rest by one.
    /// </summary>
    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName);
        if (error is not null)
        {
            return Refuse(request, error);
        }

        return store.Use(sandboxName, sandbox =>
        {
            var matching = sandbox.InCreationOrder().Where(stored => query!.Filters.All(filter => filter.Matches(stored.Document))).ToList();
            if (query!.Count)
            {
                return EmulatorResponse.Json(200, new JObject { ["count"] = matching.Count });
            }

            query.Order.Sort(matching);
            var start = Math.Min(query.Offset, matching.Count);
            var take = Math.Min(query.Limit ?? int.MaxValue, matching.Count - start);
            var items = new JArray();
            foreach (var stored in matching.GetRange(start, take))
            {
                items.Add(SecretMasking.Masked(stored.Document));
            }

            var body = new JObject { ["items"] = items };
            if (start + take < matching.Count)
            {
                body["_links"] = new JObject { ["next"] = new JObject { ["href"] = query.NextHref(request, start + take) } };
            }

            return EmulatorResponse.Json(200, body);
        });
    }
}
