namespace HubSpotGen.FlowService;

/// <summary>
/// What the retries of one facade call went through, so that the facade can tell "the service refused" from "the
/// service acted on an attempt whose answer was lost, and refused the repeat". It flows with the call's async
/// context: the facade opens it, the retry policy records into it, and nothing else sees it.
/// </summary>
internal sealed class AttemptHistory
{
    private static readonly AsyncLocal<AttemptHistory?> Current = new();

    private int _unanswered;

    /// <summary>True when an attempt that may have reached the service got no answer (a dropped connection, a timeout, a gateway's 502 or 504) and was repeated.</summary>
    public bool RepeatedAfterLostAnswer => Volatile.Read(ref _unanswered) > 0;

    /// <summary>
    /// Starts recording for the calling async method and what it awaits. Call it inside an async method: the
    /// history then ends with that method, because changes to an async context do not flow back to the caller.
    /// </summary>
    public static AttemptHistory Begin()
    {
        var history = new AttemptHistory();
        Current.Value = history;
        return history;
    }

    /// <summary>Called by the retry policy when it repeats an attempt whose answer may have been lost.</summary>
    public static void RecordRepeatAfterLostAnswer()
    {
        if (Current.Value is { } history)
        {
            Interlocked.Increment(ref history._unanswered);
        }
    }
}
