using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using DhcpCluster.Actors.Remote.Handshake;
using DhcpCluster.Actors.Remote.Protos;
using DhcpCluster.Actors.Remote.Tls;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Remote.Transport;

/// <summary>
/// The outbound side towards one remote node: one ordered queue, one TCP connection at a time. The
/// writer drains as many queued messages as fit in a batch into one buffer and sends it with one write.
/// A lost connection is re-established with exponential backoff; queued messages wait meanwhile.
/// </summary>
internal sealed class Association
{
    private const int BatchBytes = 64 * 1024;
    private const int SenderPathCacheLimit = 4096;

    private readonly RemoteTransport _transport;
    private readonly Channel<OutboundMessage> _queue;
    private readonly Dictionary<IActorRef, string> _senderPaths = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _startLock = new();
    private CancellationTokenSource? _connection;
    private Task? _loop;
    private long _remoteUid;

    public Association(RemoteTransport transport, Address remote)
    {
        _transport = transport;
        Remote = remote;
        _queue = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(transport.Settings.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public Address Remote { get; }

    /// <summary>The incarnation at the other end of the current (or last) connection, 0 before the first handshake.</summary>
    public long RemoteUid => Interlocked.Read(ref _remoteUid);

    public Task Completion => _loop ?? Task.CompletedTask;

    public bool TrySend(in OutboundMessage message)
    {
        if (_loop is null)
        {
            EnsureStarted();
        }

        return _queue.Writer.TryWrite(message);
    }

    /// <summary>The incarnation <paramref name="uid"/> was quarantined: drop its connection and its queued messages.</summary>
    public void OnQuarantined(long uid)
    {
        if (RemoteUid == uid)
        {
            DropQueued("the remote node was quarantined");
            try
            {
                _connection?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The connection ended meanwhile.
            }
        }
    }

    private void EnsureStarted()
    {
        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private void DropQueued(string reason)
    {
        var dropped = 0;
        while (_queue.Reader.TryRead(out var message))
        {
            dropped++;
            _transport.System.DeadLetters.Tell(new DeadLetter(message.Message, message.Sender, message.Recipient), message.Sender);
        }

        if (dropped > 0)
        {
            _transport.Log.LogInformation("Dropped {Count} messages queued for {Remote}: {Reason}", dropped, Remote, reason);
        }
    }

    private async Task RunAsync()
    {
        var settings = _transport.Settings;
        var shutdown = _transport.ShutdownToken;
        var backoff = settings.InitialReconnectBackoff;
        DateTime? lostSince = null;
        var lossReported = false;
        while (!shutdown.IsCancellationRequested)
        {
            try
            {
                if (await ConnectAndRunAsync(shutdown).ConfigureAwait(false))
                {
                    backoff = settings.InitialReconnectBackoff;
                    lostSince = null;
                    lossReported = false;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or InvalidDataException or InvalidProtocolBufferException or ObjectDisposedException)
            {
                if (shutdown.IsCancellationRequested)
                {
                    return;
                }

                _transport.Log.LogDebug("REMOTE_CONNECT_FAILED {Remote}: {Reason}", Remote, e.Message);
            }

            if (shutdown.IsCancellationRequested)
            {
                return;
            }

            lostSince ??= DateTime.UtcNow;
            if (!lossReported && !_transport.MembershipManagesNodeLoss && DateTime.UtcNow - lostSince > settings.WatchAcceptablePause && _transport.HasWatches(Remote))
            {
                lossReported = true;
                _transport.Log.LogWarning("REMOTE_NODE_LOST {Remote}: no connection for {Pause}", Remote, settings.WatchAcceptablePause);
                if (RemoteUid != 0)
                {
                    _transport.Quarantine(Remote, RemoteUid, $"unreachable for {settings.WatchAcceptablePause}");
                }
                else
                {
                    _transport.TerminateAddress(Remote);
                }
            }

            try
            {
                await Task.Delay(backoff, shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.RetryGateClosedFor.Ticks));
        }
    }

    /// <summary>Connects, shakes hands and writes until the connection fails; true when the handshake succeeded.</summary>
    private async Task<bool> ConnectAndRunAsync(CancellationToken shutdown)
    {
        var settings = _transport.Settings;
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        RemoteTransport.ConfigureSocket(socket, settings);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown))
        {
            connectTimeout.CancelAfter(settings.HandshakeTimeout);
            await socket.ConnectAsync(Remote.Host!, Remote.Port ?? 0, connectTimeout.Token).ConfigureAwait(false);
        }

        Stream stream = new NetworkStream(socket, ownsSocket: false);
        await using var streamScope = stream.ConfigureAwait(false);
        if (settings.Tls is { } tls)
        {
            stream = await SecureAsync(stream, tls, shutdown).ConfigureAwait(false);
        }

        await using var secureScope = stream.ConfigureAwait(false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            if (!await HandshakeAsync(stream, reader, shutdown).ConfigureAwait(false))
            {
                return false;
            }

            using var connection = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            _connection = connection;
            var watcher = WatchForCloseAsync(reader, connection);
            try
            {
                await WriteLoopAsync(stream, connection.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                if (!shutdown.IsCancellationRequested)
                {
                    _transport.Log.LogInformation("REMOTE_ASSOCIATION_LOST {Remote}: {Reason}", Remote, e.Message);
                }
            }
            finally
            {
                await connection.CancelAsync().ConfigureAwait(false);
                _connection = null;
                socket.Close();
                await watcher.ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task<Stream> SecureAsync(Stream stream, TlsSettings tls, CancellationToken shutdown)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        timeout.CancelAfter(_transport.Settings.HandshakeTimeout);
        try
        {
            return await TlsConnection.ConnectAsync(stream, Remote.Host!, tls, timeout.Token).ConfigureAwait(false);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            Fail("TLS: " + e.Message);
            throw new IOException("TLS authentication failed: " + e.Message, e);
        }
    }

    private async Task<bool> HandshakeAsync(Stream stream, PipeReader reader, CancellationToken shutdown)
    {
        var settings = _transport.Settings;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        timeout.CancelAfter(settings.HandshakeTimeout);
        var clientNonce = HandshakeProofs.NewNonce();
        await WriteFrameAsync(stream, new HandshakeHello
        {
            ProtocolVersion = InboundConnection.ProtocolVersion,
            FromAddress = _transport.AddressText,
            FromUid = _transport.Uid,
            ClientNonce = ByteString.CopyFrom(clientNonce),
            ToAddress = Remote.ToString(),
        }, timeout.Token).ConfigureAwait(false);

        var challenge = await FrameCodec.ReadMessageAsync(reader, HandshakeChallenge.Parser, settings.MaximumFrameSize, timeout.Token).ConfigureAwait(false);
        var problem = CheckChallenge(challenge, clientNonce);
        if (problem is not null)
        {
            return Fail(problem);
        }

        await WriteFrameAsync(stream, new HandshakeProof
        {
            ClientProof = ByteString.CopyFrom(HandshakeProofs.ClientProof(_transport.Secret, challenge!.ServerNonce.Span, _transport.AddressText, _transport.Uid)),
        }, timeout.Token).ConfigureAwait(false);
        var result = await FrameCodec.ReadMessageAsync(reader, HandshakeResult.Parser, settings.MaximumFrameSize, timeout.Token).ConfigureAwait(false);
        if (result is null)
        {
            return Fail("the remote node closed the connection during the handshake");
        }

        if (!result.Accepted)
        {
            if (string.Equals(result.Reason, InboundConnection.QuarantinedReason, StringComparison.Ordinal))
            {
                _transport.Log.LogError("REMOTE_THIS_NODE_QUARANTINED by {Remote}: this incarnation must restart to rejoin", Remote);
                _transport.System.EventStream.Publish(new RemotingEvents.ThisNodeQuarantined(Remote, result.Reason));
            }

            return Fail("refused: " + result.Reason);
        }

        var previous = Interlocked.Exchange(ref _remoteUid, challenge.ServerUid);
        if (previous != challenge.ServerUid)
        {
            _transport.AddressRevived(Remote);
        }

        _transport.Log.LogInformation("REMOTE_ASSOCIATED {Remote} uid {Uid}", Remote, challenge.ServerUid);
        _transport.System.EventStream.Publish(new RemotingEvents.AssociationEstablished(Remote, challenge.ServerUid));
        return true;
    }

    private string? CheckChallenge(HandshakeChallenge? challenge, byte[] clientNonce)
    {
        if (challenge is null)
        {
            return "the remote node closed the connection during the handshake";
        }

        var expected = HandshakeProofs.ServerProof(_transport.Secret, clientNonce, challenge.ServerAddress, challenge.ServerUid);
        if (!HandshakeProofs.Matches(expected, challenge.ServerProof.Span))
        {
            return "the remote node does not know the shared secret (secure-cookie)";
        }

        if (!string.Equals(challenge.ServerAddress, Remote.ToString(), StringComparison.Ordinal))
        {
            return $"the remote node is {challenge.ServerAddress}, not {Remote}";
        }

        if (_transport.IsQuarantined(Remote, challenge.ServerUid))
        {
            DropQueued("the remote node's incarnation is quarantined");
            return $"incarnation {challenge.ServerUid} is quarantined";
        }

        return null;
    }

    private bool Fail(string reason)
    {
        _transport.Log.LogWarning("REMOTE_HANDSHAKE_FAILED outbound to {Remote}: {Reason}", Remote, reason);
        _transport.System.EventStream.Publish(new RemotingEvents.HandshakeFailed(Remote.ToString(), Inbound: false, reason));
        return false;
    }

    private static async Task WriteFrameAsync(Stream stream, IMessage message, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        FrameCodec.Write(buffer, message);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WatchForCloseAsync(PipeReader reader, CancellationTokenSource connection)
    {
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(connection.Token).ConfigureAwait(false);
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Closing or closed.
        }

        try
        {
            await connection.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Already done.
        }
    }

    private async Task WriteLoopAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(BatchBytes + 4096);
        var envelope = new RemoteEnvelope();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (buffer.WrittenCount < BatchBytes && reader.TryRead(out var message))
            {
                Encode(message, buffer, envelope);
            }

            if (buffer.WrittenCount > 0)
            {
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }
    }

    private void Encode(in OutboundMessage message, ArrayBufferWriter<byte> buffer, RemoteEnvelope envelope)
    {
        var incarnation = message.Recipient.NodeUid;
        if (incarnation != 0 && incarnation != RemoteUid)
        {
            _transport.Log.LogDebug("REMOTE_OTHER_INCARNATION {MessageType} to {Recipient}: its reference belongs to incarnation {Uid}, {Remote} now runs {Current}; dropped", message.Message.GetType().Name, message.Recipient, incarnation, Remote, RemoteUid);
            _transport.System.DeadLetters.Tell(new DeadLetter(message.Message, message.Sender, message.Recipient), message.Sender);
            return;
        }

        var serializer = _transport.Serialization.FindFor(message.Message);
        if (serializer is null)
        {
            _transport.Log.LogError("REMOTE_NO_SERIALIZER for {MessageType} to {Recipient}: message dropped", message.Message.GetType().Name, message.Recipient);
            return;
        }

        byte[] payload;
        string manifest;
        try
        {
            payload = serializer.ToBinary(message.Message);
            manifest = serializer.Manifest(message.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidProtocolBufferException)
        {
            _transport.Log.LogError(e, "REMOTE_SERIALIZATION_FAILED for {MessageType} to {Recipient}: message dropped", message.Message.GetType().Name, message.Recipient);
            return;
        }

        envelope.Recipient = message.Recipient.SerializedPath;
        envelope.Sender = SenderPath(message.Sender);
        envelope.SerializerId = serializer.Identifier;
        envelope.Manifest = manifest;
        envelope.Payload = UnsafeByteOperations.UnsafeWrap(payload);
        envelope.CreatedUtcTicks = message.CreatedUtcTicks;
        envelope.System = message.IsSystem;
        envelope.RecipientUid = incarnation;
        if (envelope.CalculateSize() > _transport.Settings.MaximumFrameSize)
        {
            _transport.Log.LogError(
                "REMOTE_FRAME_TOO_LARGE {MessageType} to {Recipient}: {Size} bytes exceed maximum-frame-size; message dropped",
                message.Message.GetType().Name,
                message.Recipient,
                envelope.CalculateSize());
            return;
        }

        FrameCodec.Write(buffer, envelope);
    }

    private string SenderPath(IActorRef? sender)
    {
        if (sender is null || sender is Nobody)
        {
            return string.Empty;
        }

        if (_senderPaths.TryGetValue(sender, out var path))
        {
            return path;
        }

        if (_senderPaths.Count >= SenderPathCacheLimit)
        {
            _senderPaths.Clear();
        }

        path = Serialization.ActorRefResolver.PathOf(sender);
        _senderPaths.Add(sender, path);
        return path;
    }
}
