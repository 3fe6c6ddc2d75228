namespace HubSpotGen.FlowService;

/// <summary>
/// How requests are retried and bounded in time. Only what is safe is retried: GET, DELETE and PATCH with
/// If-Match on 429, 502, 503, 504 and connection failures; POST only on 429 or when the connection failed before
/// the request was sent, so a retry never creates a second connection.
/// </summary>
public sealed class FlowServiceResilienceOptions
{
    /// <summary>How many times a request is repeated after its first attempt; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> waited for. A longer one (or one that would pass <see cref="TotalTimeout"/>)
    /// is not waited for: the call fails at once with the service's answer, whose <c>RetryAfter</c> says when to
    /// come back. A retry never comes earlier than the server asked.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take in all, retries and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Adds every unusable value to <paramref name="problems"/>.</summary>
    internal void CollectProblems(List<OptionProblem> problems)
    {
        if (MaxRetries < 0)
        {
            problems.Add(new("Resilience.MaxRetries", "must not be negative"));
        }

        RequirePositive(problems, BaseDelay, nameof(BaseDelay));
        RequirePositive(problems, MaxDelay, nameof(MaxDelay));
        if (MaxRetryAfter < TimeSpan.Zero)
        {
            problems.Add(new("Resilience.MaxRetryAfter", "must not be negative"));
        }

        RequirePositive(problems, AttemptTimeout, nameof(AttemptTimeout));
        RequirePositive(problems, TotalTimeout, nameof(TotalTimeout));
    }

    /// <summary>A copy, so that later changes to the object the caller holds change nothing.</summary>
    internal FlowServiceResilienceOptions Snapshot() => (FlowServiceResilienceOptions)MemberwiseClone();

    /// <summary>Shows the settings; there is nothing secret here.</summary>
    public override string ToString() =>
        $"FlowServiceResilienceOptions {{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxRetryAfter = {MaxRetryAfter}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout} }}";

    private static void RequirePositive(List<OptionProblem> problems, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add(new("Resilience." + name, "must be positive"));
        }
    }
}
