package com.tradewind.knowledge.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder tree and calls back once things have been quiet for a moment, so that
 * copying fifty files triggers one refresh, not fifty. New sub-folders are watched as they
 * appear. Runs on its own daemon thread; the callback must hand real work elsewhere.
 */
public final class FolderWatcher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

  private final Path root;
  private final long quietMillis;
  private final Runnable onChange;
  private final WatchService service;
  private final Thread thread;

  public FolderWatcher(Path root, long quietMillis, Runnable onChange) throws IOException {
    this.root = root;
    this.quietMillis = quietMillis;
    this.onChange = onChange;
    this.service = FileSystems.getDefault().newWatchService();
    registerTree(root);
    this.thread = Thread.ofPlatform().daemon().name("knowledge-watcher").unstarted(this::loop);
  }

  public FolderWatcher start() {
    thread.start();
    return this;
  }

  private void registerTree(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private void loop() {
    boolean pending = false;
    while (true) {
      WatchKey key;
      try {
        key = pending ? service.poll(quietMillis, TimeUnit.MILLISECONDS) : service.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      if (key == null) {
        pending = false;
        try {
          onChange.run();
        } catch (RuntimeException e) {
          LOG.error("knowledge refresh after a folder change failed", e);
        }
        continue;
      }
      Path dir = (Path) key.watchable();
      for (WatchEvent<?> event : key.pollEvents()) {
        pending = true;
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
          Path created = dir.resolve(name);
          if (Files.isDirectory(created)) {
            try {
              registerTree(created);
            } catch (IOException e) {
              LOG.warn("cannot watch new folder {}: {}", created, e.getMessage());
            }
          }
        }
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
          LOG.debug("watch events overflowed for {}; a full refresh follows", root);
        }
      }
      key.reset();
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
    thread.interrupt();
  }
}
