using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>What one service request gets from a pending fault.</summary>
/// <param name="Answer">The answer to send instead of the service's; null for a drop or a delay.</param>
/// <param name="Drop">Close the connection without answering.</param>
/// <param name="Delay">Wait this long, then answer as the service would.</param>
internal sealed record Fault(EmulatorResponse? Answer, bool Drop, TimeSpan Delay);

/// <summary>
/// Faults a test asked for, in process or over the control API, handed out one per service request in the
/// order they were asked for: after <c>Throttle(1, …)</c> then <c>FailNext(2)</c>, the next request is throttled
/// and the two after it fail.
/// </summary>
internal sealed class FaultInjection
{
    private readonly object _gate = new();
    private readonly Queue<PendingFault> _pending = new();

    public void Throttle(int requests, TimeSpan retryAfter) => Add(new PendingFault(requests, FaultKind.Throttle, 429, retryAfter));

    public void Fail(int requests, int status) => Add(new PendingFault(requests, FaultKind.Fail, status, TimeSpan.Zero));

    public void Drop(int requests) => Add(new PendingFault(requests, FaultKind.Drop, 0, TimeSpan.Zero));

    public void Delay(int requests, TimeSpan delay) => Add(new PendingFault(requests, FaultKind.Delay, 0, delay));

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>The fault this request gets, counting it off; null when none is pending.</summary>
    public Fault? TakeNext(EmulatorRequest request, string resource)
    {
        PendingFault fault;
        lock (_gate)
        {
            if (!_pending.TryPeek(out var next))
            {
                return null;
            }

            next.Remaining--;
            if (next.Remaining == 0)
            {
                _pending.Dequeue();
            }

            fault = next;
        }

        return fault.Kind switch
        {
            FaultKind.Throttle => new Fault(Throttled(fault.Wait), Drop: false, TimeSpan.Zero),
            FaultKind.Fail => new Fault(Failure(fault.Status, request, resource), Drop: false, TimeSpan.Zero),
            FaultKind.Drop => new Fault(null, Drop: true, TimeSpan.Zero),
            _ => new Fault(null, Drop: false, fault.Wait),
        };
    }

    private void Add(PendingFault fault)
    {
        if (fault.Remaining == 0)
        {
            return;
        }

        lock (_gate)
        {
            _pending.Enqueue(fault);
        }
    }

    private static EmulatorResponse Throttled(TimeSpan retryAfter)
    {
        // Retry-After carries whole seconds; rounding up never invites a client back too early.
        var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
        return ErrorBodies.Gateway(429, "429050", "Too many requests")
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
    }

    private static EmulatorResponse Failure(int status, EmulatorRequest request, string resource)
    {
        var (code, title) = status switch
        {
            500 => (FlowCodes.InternalError, "Internal server error"),
            502 => (FlowCodes.Unavailable, "Bad gateway"),
            503 => (FlowCodes.Unavailable, "Service unavailable"),
            504 => (FlowCodes.GatewayTimeout, "Gateway timeout"),
            404 => (FlowCodes.NotFound, "Resource not found"),
            412 => (FlowCodes.VersionMismatch, "Precondition failed"),
            >= 500 => (FlowCodes.InternalError, "Server error"),
            _ => (FlowCodes.BadRequest, "Bad request"),
        };
        var error = new FlowError(status, code, title, $"Injected failure: the emulator was told to answer {status.ToString(CultureInfo.InvariantCulture)}.");
        var response = ErrorBodies.Flow(error, request, resource);
        return status == 429 ? response.WithHeader("Retry-After", "1") : response;
    }

    private enum FaultKind
    {
        Throttle,
        Fail,
        Drop,
        Delay,
    }

    /// <summary>One request for faults; mutable only under the queue's lock. <c>wait</c> is a throttle's Retry-After, or a delay's length.</summary>
    private sealed class PendingFault(int remaining, FaultKind kind, int status, TimeSpan wait)
    {
        public int Remaining { get; set; } = remaining;

        public FaultKind Kind { get; } = kind;

        public int Status { get; } = status;

        public TimeSpan Wait { get; } = wait;
    }
}
