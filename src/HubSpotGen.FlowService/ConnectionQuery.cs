namespace HubSpotGen.FlowService;

/// <summary>Which connections <see cref="HubSpotConnections.ListAsync"/> and <see cref="HubSpotConnections.CountAsync"/> look at, and how a list is sorted and paged.</summary>
public sealed class ConnectionQuery
{
    /// <summary>
    /// Filters of the form <c>&lt;field&gt;&lt;operator&gt;&lt;value&gt;</c>, such as <c>state==enabled</c> or
    /// <c>name==HubSpot</c>; each is sent as its own <c>property</c> parameter and all must match. Empty by default.
    /// </summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>
    /// When true (the default), only HubSpot connections are looked at: the filter
    /// <c>connectionSpec.id==cc6a4487-9e91-433e-a3a3-9cf6626c1806</c> is sent before <see cref="Filters"/>.
    /// Set it to false to see base connections of every connector.
    /// </summary>
    public bool HubSpotOnly { get; init; } = true;

    /// <summary>The sort field, sent as <c>orderby</c>: <c>name</c>, <c>+name</c> (ascending) or <c>-name</c> (descending). Not used by a count.</summary>
    public string? OrderBy { get; init; }

    /// <summary>How many connections to ask for per page, sent as <c>limit</c>; the service's default when null. Not used by a count, which the service refuses together with a limit.</summary>
    public int? PageSize { get; init; }

    /// <summary>The filters as sent, the HubSpot one first; throws for a value the service would only refuse.</summary>
    internal List<string> PropertyFilters()
    {
        var filters = new List<string>(Filters?.Count + 1 ?? 1);
        if (HubSpotOnly)
        {
            filters.Add(HubSpotFilter);
        }

        foreach (var filter in Filters ?? [])
        {
            if (string.IsNullOrWhiteSpace(filter))
            {
                throw new ArgumentException("A connection filter must not be blank.", nameof(Filters));
            }

            filters.Add(filter);
        }

        return filters;
    }

    /// <summary>Throws for a sort or page size the service would only refuse.</summary>
    internal void ValidateListing()
    {
        if (OrderBy is not null && string.IsNullOrWhiteSpace(OrderBy))
        {
            throw new ArgumentException("The sort field must not be blank; leave it null for the service's order.", nameof(OrderBy));
        }

        if (PageSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, "The page size must be at least 1.");
        }
    }

    /// <summary>The filter that keeps only HubSpot connections.</summary>
    internal const string HubSpotFilter = "connectionSpec.id==" + HubSpotConnectionSpec.Id;
}
