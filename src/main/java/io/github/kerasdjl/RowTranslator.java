package io.github.kerasdjl;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * A DJL {@link Translator} for a model of flat rows: one input row ({@code float[]} of the model's input width) in,
 * one output row out. With the default batchifier, {@code predictor.predict(row)} and
 * {@code predictor.batchPredict(rows)} give {@link Sequential#predict}'s numbers:
 *
 * <pre>{@code
 * try (Model djl = model.toDjlModel();
 *      Predictor<float[], float[]> predictor = djl.newPredictor(new RowTranslator())) {
 *     float[] p = predictor.predict(new float[] {0.5f, -1f});
 * }
 * }</pre>
 */
public final class RowTranslator implements Translator<float[], float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, float[] input) {
        return new NDList(ctx.getNDManager().create(input));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        return list.singletonOrThrow().toFloatArray();
    }
}
