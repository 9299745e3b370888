namespace DhcpCluster.Logging;

/// <summary>One message to write, before an output's pattern renders it.</summary>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Severity">Kea's severity text: FATAL, ERROR, WARN, INFO or DEBUG.</param>
/// <param name="LoggerName">The Kea-style logger name (<c>%c</c>).</param>
/// <param name="MessageId">The stable message id (<c>DHCP4_PACKET_RECEIVED</c>), null when the event has none.</param>
/// <param name="Text">The message text.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
/// <param name="ThreadId">The managed thread id (<c>%t</c>).</param>
public readonly record struct LogLine(DateTimeOffset Timestamp, string Severity, string LoggerName, string? MessageId, string Text, Exception? Exception, int ThreadId)
{
    /// <summary>The message as Kea prints it (<c>%m</c>): the id, a space, the text; the exception on the following lines.</summary>
    public string FullMessage
    {
        get
        {
            var message = MessageId is null ? Text : MessageId + " " + Text;
            return Exception is null ? message : message + Environment.NewLine + Exception;
        }
    }
}
