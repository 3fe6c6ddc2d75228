using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>An entity beside the document a list answers for it, which is what filters and sorting read.</summary>
internal sealed record ListedEntity(long Sequence, JObject Answer);

/// <summary>
/// The list answer every list route shares: filter, sort, then page. Pages are offsets into the sorted result
/// at the time of each request, so an entity created or deleted between pages can shift the rest by one.
/// </summary>
internal static class EntityList
{
    /// <summary>Runs inside the store's lock; <paramref name="answers"/> are the entities as the list shows them, in creation order.</summary>
    public static EmulatorResponse Page(ListQuery query, EmulatorRequest request, IEnumerable<ListedEntity> answers)
    {
        var matching = answers.Where(listed => query.Filters.All(filter => filter.Matches(listed.Answer))).ToList();
        if (query.Count)
        {
            return EmulatorResponse.Json(200, new JObject { ["count"] = matching.Count });
        }

        query.Order.Sort(matching);
        var start = Math.Min(query.Offset, matching.Count);
        var take = Math.Min(query.Limit ?? int.MaxValue, matching.Count - start);
        var items = new JArray();
        foreach (var listed in matching.GetRange(start, take))
        {
            items.Add(listed.Answer);
        }

        var body = new JObject { ["items"] = items };
        if (start + take < matching.Count)
        {
            body["_links"] = new JObject { ["next"] = new JObject { ["href"] = query.NextHref(request, start + take) } };
        }

        return EmulatorResponse.Json(200, body);
    }

    public static IEnumerable<ListedEntity> Of<T>(IEnumerable<T> entities, Func<T, JObject> answer)
        where T : StoredEntity =>
        entities.Select(entity => new ListedEntity(entity.Sequence, answer(entity)));
}
