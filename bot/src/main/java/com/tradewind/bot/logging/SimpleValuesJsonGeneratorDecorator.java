package com.tradewind.bot.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * The masking decorator of the log encoder, with strings, booleans and whole numbers in
 * structured arguments ({@code kv("intent", …)}) written directly instead of through the
 * encoder's {@code ObjectMapper}, which builds a serializer provider for every value (a third of
 * the cost of each turn's log line). They are written through the masking generator all the
 * same, so masking sees exactly what it saw before; other values still go to the mapper.
 */
public final class SimpleValuesJsonGeneratorDecorator extends MaskingJsonGeneratorDecorator {

  @Override
  public JsonGenerator decorate(JsonGenerator generator) {
    return new SimpleValuesFirst(super.decorate(generator));
  }

  /** Writes simple values itself and everything else as its delegate would. */
  static final class SimpleValuesFirst extends JsonGeneratorDelegate {

    SimpleValuesFirst(JsonGenerator masking) {
      super(masking, false); // other methods (writeObject's mapper included) write through this
    }

    @Override
    public void writeObject(Object value) throws IOException {
      switch (value) {
        case String s -> writeString(s);
        case Boolean b -> writeBoolean(b);
        case Long l -> writeNumber(l);
        case Integer i -> writeNumber(i);
        case null, default -> super.writeObject(value);
      }
    }
  }
}
