import { zodResolver } from '@hookform/resolvers/zod'
import { useNavigation } from '@remix-run/react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { MAX_PUBLIC_REPLY_LENGTH, type ReplyInput, ReplySchema } from '~/dashboard/case-forms'
import { formFields, type ActionAnswer } from '~/forms/form-fields'
import { CheckedForm } from '~/ui/checked-form'
import { CsrfInput } from '~/ui/csrf-input'
import { Field } from '~/ui/field'

/**
 * The public reply, which marks the case answered: react-hook-form checks it in the browser with
 * the action's own schema (required, at most MAX_PUBLIC_REPLY_LENGTH characters); the action
 * checks it again and scrubs personal numbers before storing it.
 */
export function ReplyForm({ reply, actionData }: { reply: string | null; actionData: ActionAnswer | undefined }) {
  const { t } = useTranslation('cases')
  const busy = useNavigation().state === 'submitting'
  const posted = actionData?.values?.intent === 'answer' ? actionData : undefined
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ReplyInput>({
    resolver: zodResolver(ReplySchema),
    defaultValues: { publicReply: posted?.values?.publicReply ?? reply ?? '' },
  })
  const params = { max: MAX_PUBLIC_REPLY_LENGTH }
  const { error } = formFields(posted, t, { params, clientErrors: errors })

  return (
    <section aria-labelledby="reply-title">
      <h2 id="reply-title">{t('case.replyTitle')}</h2>
      <CheckedForm handleSubmit={handleSubmit}>
        <CsrfInput />
        <input type="hidden" name="intent" value="answer" />
        <Field name="publicReply" label={t('case.reply')} hint={t('case.replyHint', params)} error={error('publicReply')}>
          {(props) => <textarea {...props} rows={6} maxLength={MAX_PUBLIC_REPLY_LENGTH} {...register('publicReply')} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('case.answer')}
        </button>
      </CheckedForm>
    </section>
  )
}
