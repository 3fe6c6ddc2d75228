using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Closing a connection without an answer, which WireMock's response model cannot express: a middleware ahead
/// of WireMock's keeps each request's <see cref="HttpContext"/> where the request's own callback finds it (the
/// async flow carries it), and <see cref="AbortCurrent"/> aborts that connection.
/// </summary>
internal static class ConnectionDrop
{
    private static readonly AsyncLocal<HttpContext?> Current = new();

    /// <summary>Registers the middleware; WireMock hands the pipeline over as an object.</summary>
    public static void Install(object application) =>
        ((IApplicationBuilder)application).Use(async (context, next) =>
        {
            Current.Value = context;
            try
            {
                await next(context);
            }
            catch (Exception) when (context.RequestAborted.IsCancellationRequested)
            {
                // Writing the answer of a dropped request fails; nobody is there to read it.
            }
            finally
            {
                Current.Value = null;
            }
        });

    /// <summary>Aborts the connection of the request being handled; false when there is none to abort.</summary>
    public static bool AbortCurrent()
    {
        if (Current.Value is not { } context)
        {
            return false;
        }

        context.Abort();
        return true;
    }
}
