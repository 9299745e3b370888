using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>Logging from actors.</summary>
public static class ActorLoggingExtensions
{
    /// <summary>The actor's logger (category: the actor type; scope: its path).</summary>
    public static ILogger GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is ActorCell cell
            ? cell.Logger
            : context.System.LoggerFactory.CreateLogger("DhcpCluster.Actors");
    }
}
