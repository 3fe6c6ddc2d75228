namespace HubSpotGen.FlowService;

/// <summary>
/// What the retries of one facade call went through, so that the facade can tell "the service refused" from "the
/// service acted on an attempt whose answer was lost, and refused the repeat". It flows with the call's async
/// context: the facade opens it, the retry policy records into it, and nothing else sees it. It also keeps the
/// service's request id of the latest answer, which the facade hands back with a successful result.
/// </summary>
internal sealed class AttemptHistory
{
    private static readonly AsyncLocal<AttemptHistory?> Current = new();

    private int _unanswered;
    private int _written;
    private int _answered;

    /// <summary>
    /// True when a request that may have reached the service got no answer (a dropped connection, a timeout, a
    /// gateway's 502 or 504) and was repeated, by the retry policy or by the transport itself.
    /// </summary>
    public bool RepeatedAfterLostAnswer => Volatile.Read(ref _unanswered) > 0 || Volatile.Read(ref _written) > Volatile.Read(ref _answered);

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

    /// <summary>Called by the transport for every request it writes, repeats of its own included.</summary>
    public static void RecordRequestWritten()
    {
        if (Current.Value is { } history)
        {
            Interlocked.Increment(ref history._written);
        }
    }

    /// <summary>
    /// The service's request id of the latest operation answered within the call, such as the create of a create;
    /// null when it named none.
    /// </summary>
    public string? RequestId => Volatile.Read(ref _requestId);

    private string? _requestId;

    /// <summary>Called by the header policy with the final answer of each operation.</summary>
    public static void RecordRequestId(string? requestId)
    {
        if (Current.Value is { } history)
        {
            Volatile.Write(ref history._requestId, requestId);
        }
    }

    /// <summary>Called just above the transport for every answer it hands back.</summary>
    public static void RecordAnswerReceived()
    {
        if (Current.Value is { } history)
        {
            Interlocked.Increment(ref history._answered);
        }
    }
}
