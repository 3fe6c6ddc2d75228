namespace HubSpotGen.FlowService;

/// <summary>
/// The exception for a success answer the facade cannot use, shaped like the generated client's own
/// "not the JSON the spec describes" error so callers handle one type for every unusable answer.
/// </summary>
internal static class UnexpectedAnswer
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>
    /// <paramref name="what"/> describes the shape found, never its content, which may hold credentials.
    /// The status is the documented 200: the generated client hands the facade the body, not the status.
    /// </summary>
    public static ApiException Create(string operation, string what, Exception? innerException = null) =>
        new(operation + " answered 200 with " + what + ".", 200, null, NoHeaders, innerException);
}
