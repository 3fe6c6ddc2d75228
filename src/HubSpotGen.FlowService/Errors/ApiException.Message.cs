namespace HubSpotGen.FlowService;

/// <summary>The facade's part of the generated exception: a message that carries the facts a log line needs.</summary>
public partial class ApiException
{
    private string? _message;

    /// <summary>
    /// The method, path and status, followed by what the answer said of itself: the service's error code, its
    /// title and the request id (the one to quote to Adobe support), whichever it gave. Never the request body,
    /// which may hold credentials, and never a header value other than the request id.
    /// </summary>
    public override string Message => _message ??= Compose();

    private string Compose()
    {
        var text = base.Message;
        if (StatusCode is >= 200 and < 300)
        {
            // A success answer the client could not use: the base message already describes its shape.
            return text;
        }

        var error = this.ToFlowServiceError();
        var facts = new List<string>(3);
        if (error.Code is { } code)
        {
            facts.Add(error.Title is { } title ? code + " " + title : code);
        }
        else if (error.Title is { } title)
        {
            facts.Add(title);
        }

        if (error.RequestId is { } requestId)
        {
            facts.Add("request id " + requestId);
        }

        if (facts.Count == 0)
        {
            return text;
        }

        var joined = string.Join("; ", facts);
        return text.TrimEnd('.') + ": " + joined + (joined.EndsWith('.') ? "" : ".");
    }
}
