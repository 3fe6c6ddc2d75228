namespace HubSpotGen.FlowService;

/// <summary>
/// A dataflow operation failed, and so did deleting what it had made or was removing: the entities named in
/// <see cref="RemainingIds"/> are still there. <see cref="Exception.InnerException"/> is the failure that started the
/// clean-up; <see cref="CleanupFailures"/> holds each failed delete.
/// </summary>
public sealed class DataflowCleanupException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="remainingIds">The ids of the entities left behind, in the order they would have been deleted.</param>
    /// <param name="cleanupFailures">Each delete that failed.</param>
    /// <param name="failure">The failure that started the clean-up.</param>
    public DataflowCleanupException(IReadOnlyList<string> remainingIds, IReadOnlyList<Exception> cleanupFailures, Exception failure)
        : base(MessageFor(remainingIds, failure), failure)
    {
        RemainingIds = remainingIds;
        CleanupFailures = cleanupFailures;
    }

    /// <summary>The ids of the entities still there, such as a source connection; delete them by hand.</summary>
    public IReadOnlyList<string> RemainingIds { get; }

    /// <summary>The deletes that failed.</summary>
    public IReadOnlyList<Exception> CleanupFailures { get; }

    // Ids are not secrets; messages of the inner failures are the pipeline's, which never quote a body or a header.
    private static string MessageFor(IReadOnlyList<string> remainingIds, Exception failure) =>
        $"{failure.Message.TrimEnd('.')}; cleaning up failed too, and these remain: {string.Join(", ", remainingIds)}.";
}
