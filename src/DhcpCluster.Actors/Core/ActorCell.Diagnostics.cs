using System.Globalization;
using System.Text;

namespace DhcpCluster.Actors;

/// <summary>
/// A description of the actors still alive under a cell, for a shutdown that does not finish: read from another
/// thread without synchronization, so a field may be a moment stale, which is good enough to name the actor that
/// keeps its parent (and the system) from terminating.
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>Appends one line per live actor of this subtree (this cell included), indented by depth.</summary>
    /// <returns>The number of live actors described.</returns>
    internal int DescribeLive(StringBuilder into, int depth, int limit)
    {
        if (_terminated || limit <= 0)
        {
            return 0;
        }

        into.Append(' ', depth * 2).Append(_self.Path.ToStringWithoutAddress()).Append(" [").Append(_props.Type.Name).Append(']');
        AppendStateFlags(into);
        var children = ChildStatsSnapshotForDiagnostics(out var stopping, out var unborn);
        if (children.Count > 0 || unborn > 0)
        {
            into.Append(CultureInfo.InvariantCulture, $" children={children.Count + unborn} stopping={stopping}");
            if (unborn > 0)
            {
                into.Append(CultureInfo.InvariantCulture, $" unborn={unborn}");
            }
        }

        into.AppendLine();
        var described = 1;
        foreach (var child in children)
        {
            described += child.Cell.DescribeLive(into, depth + 1, limit - described);
            if (described >= limit)
            {
                into.Append(' ', (depth + 1) * 2).AppendLine("...");
                break;
            }
        }

        return described;
    }

    private void AppendStateFlags(StringBuilder into)
    {
        if (_terminating)
        {
            into.Append(" terminating");
        }

        if (_actor is null)
        {
            into.Append(" no-instance");
        }

        if (_failed)
        {
            into.Append(" failed");
        }

        if (_suspendedBySupervisor)
        {
            into.Append(" suspended");
        }

        if (_awaitingTask)
        {
            into.Append(" awaiting-task");
        }

        if (_holdCount > 0)
        {
            into.Append(CultureInfo.InvariantCulture, $" held={_holdCount}");
        }

        var status = Volatile.Read(ref _status);
        if ((status & ScheduledBit) != 0)
        {
            into.Append(" scheduled");
        }

        if (Volatile.Read(ref _systemStack) is not null)
        {
            into.Append(" system-messages-pending");
        }

        if (HasNormalMessages)
        {
            into.Append(" messages-pending");
        }
    }

    private List<LocalActorRef> ChildStatsSnapshotForDiagnostics(out int stopping, out int unborn)
    {
        stopping = 0;
        unborn = 0;
        var container = Volatile.Read(ref _children);
        if (container is null)
        {
            return [];
        }

        lock (container)
        {
            var list = new List<LocalActorRef>(container.ByName.Count);
            foreach (var stats in container.ByName.Values)
            {
                if (stats.Stopping)
                {
                    stopping++;
                }

                if (stats.Child is null)
                {
                    unborn++;
                }
                else
                {
                    list.Add(stats.Child);
                }
            }

            return list;
        }
    }
}
