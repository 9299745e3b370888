namespace DhcpCluster.Logging.Outputs;

/// <summary>The datagram format of syslog outputs.</summary>
public enum SyslogFormat
{
    /// <summary>RFC 3164 (BSD syslog, what the C library's syslog() sends to /dev/log): <c>&lt;PRI&gt;Mmm dd hh:mm:ss ident[pid]: msg</c>.</summary>
    Rfc3164,

    /// <summary>RFC 5424: <c>&lt;PRI&gt;1 TIMESTAMP HOST APP PID MSGID - msg</c>, the message id in MSGID.</summary>
    Rfc5424,
}
