namespace HubSpotGen.FlowService;

/// <summary>
/// The event ids of every log line the library writes, under the category <see cref="Category"/>, so that a
/// host can filter or alert on one event without matching message text.
/// </summary>
public static class FlowServiceEventIds
{
    /// <summary>The logging category of every line.</summary>
    public const string Category = "HubSpotGen.FlowService";

    /// <summary>A request is about to leave (Trace): method and path only.</summary>
    public const int RequestSending = 1001;

    /// <summary>The service answered a request (Trace): method, path, status and the service's request id.</summary>
    public const int ResponseReceived = 1002;

    /// <summary>A 401 answered a token the library added; the request is repeated once with a renewed token (Information).</summary>
    public const int RepeatingWithRenewedToken = 1003;

    /// <summary>A request failed transiently and is retried (Warning): the reason, the attempt and the delay.</summary>
    public const int Retrying = 1101;

    /// <summary>An IMS access token is being fetched (Debug): the token address.</summary>
    public const int FetchingImsToken = 1201;

    /// <summary>An IMS access token arrived (Information): its lifetime, never its value.</summary>
    public const int FetchedImsToken = 1202;
}
