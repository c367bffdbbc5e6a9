import { errorResponse } from '@/server/api/with-api';
import { AppError } from '@/server/errors/app-error';

// Unknown API paths answer JSON 404, not the HTML not-found page.
const notFound = () => errorResponse(new AppError('NOT_FOUND', { userMessage: 'No such API endpoint.' }));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
